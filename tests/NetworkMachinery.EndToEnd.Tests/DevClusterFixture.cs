using System.Diagnostics;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>
/// One real single-node cluster for the tests of a collection: <c>netm devcluster up</c> before the first,
/// <c>down</c> after the last.
/// </summary>
public sealed class DevClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster's command.</summary>
    public DevClusterProcess Cluster { get; } = new();

    /// <summary>kubectl on the cluster.</summary>
    public Kubectl Kubectl => new(Cluster.Kubeconfig);

    private readonly Lazy<Task> _deployed;

    public DevClusterFixture() => _deployed = new(() => Cluster.DeployAsync());

    /// <summary>How long <c>up</c> took.</summary>
    public TimeSpan UpTime { get; private set; }

    /// <summary>Network Machinery deployed with the node's Kafka (<c>deploy --kafka</c>), once for every test that asks.</summary>
    public Task DeployedAsync() => _deployed.Value;

    public async Task InitializeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await Cluster.UpAsync();
        UpTime = Stopwatch.GetElapsedTime(started);
    }

    public async Task DisposeAsync() => await Cluster.RunAsync("down");
}
