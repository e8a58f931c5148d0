using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Prober.Execution;

namespace NetworkMachinery.Netm.Prober;

/// <summary>What <c>netm prober</c> was asked to do.</summary>
internal sealed record ProberSettings
{
    /// <summary>The bus the tasks come from and the results go to.</summary>
    public required KafkaSettings Kafka { get; init; }

    /// <summary>The topic names.</summary>
    public required BusTopics Topics { get; init; }

    /// <summary>How the agent takes tasks (its node among them).</summary>
    public required ProberAgentOptions Agent { get; init; }

    /// <summary>Probe limits and defaults.</summary>
    public required ProberOptions Probes { get; init; }

    /// <summary>The process table the pods' network namespaces are found in: the host's, with hostPID.</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>Where /metrics and /healthz are served.</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>The least severe log messages shown.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
