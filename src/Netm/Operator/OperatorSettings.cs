using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Monitors;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Topics;

namespace NetworkMachinery.Netm.Operator;

/// <summary>What <c>netm operator</c> was asked to do.</summary>
internal sealed record OperatorSettings
{
    /// <summary>The kubeconfig file; null for the in-cluster configuration, then $KUBECONFIG or ~/.kube/config.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The namespace whose resources to reconcile; null for all.</summary>
    public string? Namespace { get; init; }

    /// <summary>Where /healthz, /readyz and /metrics are served.</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>Whether to run only while holding the lease (several replicas); off for a single instance.</summary>
    public bool LeaderElection { get; init; }

    /// <summary>The namespace of the leader election Lease.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>Kafka for probe tasks and results; null for the in-process bus.</summary>
    public KafkaSettings? Kafka { get; init; }

    /// <summary>The bus topics.</summary>
    public required BusTopics Topics { get; init; }

    /// <summary>The admission webhook to serve; null for none (--no-webhook).</summary>
    public WebhookSettings? Webhook { get; init; }

    /// <summary>Alerting's notification retention, or null to run no alerting.</summary>
    public NotificationRetention? Alerting { get; init; }

    /// <summary>The least severe log messages shown.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
