using Prometheus;

namespace NetworkMachinery.Prober.Agent;

/// <summary>What the agent does with the tasks it reads from the bus, as Prometheus metrics.</summary>
public sealed class AgentMetrics
{
    private readonly Counter _tasks;
    private readonly Counter _results;

    /// <summary>Registers the metrics in <paramref name="registry"/>.</summary>
    public AgentMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _tasks = factory.CreateCounter(
            "netm_prober_agent_tasks_total",
            "Probe tasks read from the bus, by what became of them: run, skipped (another node's), stale (past its budget).",
            "outcome");
        _results = factory.CreateCounter("netm_prober_agent_results_sent_total", "Probe results put on the probe-results topic.");
        InFlight = factory.CreateGauge("netm_prober_agent_tasks_in_flight", "Probe tasks running now.");
    }

    /// <summary>Tasks running now.</summary>
    public Gauge InFlight { get; }

    /// <summary>Counts a task that was started.</summary>
    public void Run() => _tasks.WithLabels("run").Inc();

    /// <summary>Counts a task of another node.</summary>
    public void Skipped() => _tasks.WithLabels("skipped").Inc();

    /// <summary>Counts a task dropped as too old.</summary>
    public void Stale() => _tasks.WithLabels("stale").Inc();

    /// <summary>Counts a result sent.</summary>
    public void ResultSent() => _results.Inc();
}
