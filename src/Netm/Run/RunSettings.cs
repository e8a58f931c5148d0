using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Run;

/// <summary>What <c>netm run</c> was asked to do.</summary>
internal sealed record RunSettings
{
    /// <summary>The monitors evaluated (valid).</summary>
    public required IReadOnlyList<V1Alpha1NetworkMonitor> Monitors { get; init; }

    /// <summary>The connectivity tests run on their schedules (valid).</summary>
    public required IReadOnlyList<V1Alpha1NetworkConnectivityTest> Tests { get; init; }

    /// <summary>Where sFlow is received.</summary>
    public required IPEndPoint SFlowListen { get; init; }

    /// <summary>Where /metrics and /healthz are served, or null for nowhere.</summary>
    public IPEndPoint? MetricsListen { get; init; }

    /// <summary>Where named network namespaces (the standalone "pods") are.</summary>
    public string NetnsDirectory { get; init; } = "/run/netns";

    /// <summary>Kafka, where the components meet; null for the in-process bus.</summary>
    public KafkaSettings? Kafka { get; init; }

    /// <summary>The topic names.</summary>
    public BusTopics Topics { get; init; } = new();

    /// <summary>The shortest <see cref="Tick"/>: below it the evaluation loop's wakeups cost more than the wait they save.</summary>
    public static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(10);

    /// <summary>How often alerting advances its engine (<see cref="AlertingOptions.TickInterval"/>).</summary>
    public TimeSpan Tick { get; init; } = new AlertingOptions().TickInterval;

    /// <summary>The least severe log messages shown.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
