using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Metrics;

/// <summary>Leader election's Prometheus series, labelled by lease (<c>namespace/name</c>).</summary>
internal sealed class LeaderElectionMetrics
{
    public LeaderElectionMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Leader = factory.CreateGauge("netm_operator_leader", "1 while this instance holds the lease, else 0.", "lease");
        Acquired = factory.CreateCounter("netm_operator_leader_acquired_total", "Times this instance became the leader.", "lease");
        Lost = factory.CreateCounter("netm_operator_leader_lost_total", "Times this instance stopped leading because it could not renew in time.", "lease");
    }

    public Gauge Leader { get; }

    public Counter Acquired { get; }

    public Counter Lost { get; }
}
