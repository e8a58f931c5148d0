using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Leadership;
using NetworkMachinery.Operator.Runtime.Metrics;

namespace NetworkMachinery.Operator.Tests.Runtime.Health;

public sealed class OperatorHealthTests : IDisposable
{
    // Never contacted: the informers here are made, not run.
    private readonly k8s.Kubernetes _client = new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });

    [Fact]
    public void Readiness_InformerNotSynced_IsNotReady_AndSaysWhich()
    {
        var informers = Factory();
        informers.Get<V1Pod>("team-a");

        var (ready, report) = new OperatorHealth(informers).Readiness();

        Assert.False(ready);
        Assert.Contains("informer pods in team-a: not synced", report);
    }

    [Fact]
    public void Readiness_NoInformers_NoElection_IsReady()
    {
        var (ready, report) = new OperatorHealth(Factory()).Readiness();

        Assert.True(ready);
        Assert.Empty(report);
    }

    [Theory]
    [InlineData(true, true, true, "leading")]
    [InlineData(false, true, true, "standing by (leader: other)")]
    [InlineData(false, false, false, "standing by (leader: other), unhealthy")]
    public void Readiness_WithElection_FollowsTheElectionsHealth_LeaderOrNot(bool leading, bool healthy, bool expectedReady, string expectedState)
    {
        var elector = new Elector(leading, healthy);

        var (ready, report) = new OperatorHealth(Factory(), elector).Readiness();

        Assert.Equal(expectedReady, ready);
        Assert.Contains($"leader election as me: {expectedState}", report);
    }

    public void Dispose() => _client.Dispose();

    private InformerFactory Factory() =>
        new(_client, new InformerOptions(), new InformerMetrics(Prometheus.Metrics.NewCustomRegistry()), TimeProvider.System, NullLoggerFactory.Instance);

    private sealed class Elector(bool leading, bool healthy) : ILeaderElector
    {
        public string Identity => "me";

        public bool IsLeader => leading;

        public string? Leader => leading ? "me" : "other";

        public bool IsHealthy => healthy;
    }
}
