using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Prober.Execution;
using NetworkMachinery.Prober.Metrics;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Netm.Probe;

/// <summary>
/// The prober as <c>netm probe</c> and <c>netm run</c> use it without a cluster: pods are named network namespaces
/// (a pod NAME is the namespace NAME in the directory given, its IP the first global address inside it), and no
/// source means this host. Owns the namespace switcher thread and the runner.
/// </summary>
internal sealed class StandaloneProbing : IDisposable
{
    private readonly NamespaceSwitcher _switcher = new();
    private readonly ProbeRunner _runner;

    /// <summary>Creates the switcher and the runner.</summary>
    /// <param name="netnsDirectory">Where the named network namespaces are (/run/netns).</param>
    /// <param name="time">The clock.</param>
    /// <param name="metrics">Where the probes are counted, or null.</param>
    /// <param name="decorate">Wraps the runner (to publish its results), or null.</param>
    public StandaloneProbing(string netnsDirectory, TimeProvider time, ProberMetrics? metrics = null, Func<IProbeTaskRunner, IProbeTaskRunner>? decorate = null)
    {
        var options = new ProberOptions();
        _runner = new ProbeRunner(options, new NamedNamespaceResolver(netnsDirectory), _switcher, ProbeKinds.All(time), time, metrics);
        var view = new NetnsClusterView(netnsDirectory, options.NodeName, new NamespaceAddresses(_switcher, netnsDirectory).Of);
        Probe = new StandaloneProbe(view, decorate is null ? _runner : decorate(_runner), time);
    }

    /// <summary>Runs tests the way the operator and the node agent do together.</summary>
    public StandaloneProbe Probe { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        _runner.Dispose();
        _switcher.Dispose();
    }
}
