using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>
/// <c>netm operator</c> as a process against the real kube-apiserver: it becomes ready, reconciles a test into status,
/// and with no prober answering (none runs yet) says so in the rows once the run's budget is spent; SIGTERM stops it.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class NetmOperatorCommandTests(KubeApiServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Operator_ReconcilesATest_UnansweredProbesEndAsErrors_StopsOnSigterm()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        await using var netm = await NetmOperatorProcess.StartAsync(fixture.Server, ns.Name, "--no-webhook");

        // 1 attempt with a 1 s timeout, plus the grace for the prober: the row gives up after about 11 s.
        var test = await UnansweredConnectivityTest.ReconcileAsync(client, ns.Name, "lonely", () => netm.Process.StandardError, Timeout);
        var row = Assert.Single(test.Status!.Results);
        Assert.Equal(("host", "ip/192.0.2.1", "192.0.2.1"), (row.Source, row.Destination, row.Target));
        Assert.Equal("no result from the prober within 11 s", row.Error);
        Assert.Equal(NetworkConnectivityTestConditions.Failed, Assert.Single(test.Status.Conditions, c => c.Status == "True").Type);
        var events = await ObjectEvents.UntilAsync(client, ns.Name, test.Metadata.Uid, all => all.Any(e => e.Reason == "Failed"), Timeout);
        Assert.Equal(
            [("ProbesDispatched", "1 probe from 1 source to 1 destination"), ("TimedOut", "1 probe: no result from the prober within 11 s")],
            events.Where(e => e.Reason != "Failed").OrderBy(e => e.FirstTimestamp).Select(e => (e.Reason, e.Message)));

        var stopped = await netm.Process.StopAsync(UnixSignal.Terminate, Timeout);
        Assert.Equal(0, stopped.ExitCode);
    }

    [Fact]
    public async Task Operator_NoApiServer_FailsWithAClearError()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"nmt-kubeconfig-{Guid.NewGuid():N}");
        try
        {
            var closed = FreePorts.Tcp();
            await File.WriteAllTextAsync(kubeconfig, $"""
                apiVersion: v1
                kind: Config
                clusters: [{"{"}name: c, cluster: {"{"}server: "https://127.0.0.1:{closed}", insecure-skip-tls-verify: true{"}"}{"}"}]
                users: [{"{"}name: u, user: {"{"}token: t{"}"}{"}"}]
                contexts: [{"{"}name: x, context: {"{"}cluster: c, user: u{"}"}{"}"}]
                current-context: x
                """);

            var result = await ProcessRunner.RunAsync("dotnet", [NetmOperatorProcess.Netm, "operator", "--kubeconfig", kubeconfig], new ProcessOptions { ThrowOnFailure = false, Timeout = Timeout });

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("netm operator: cannot reach the Kubernetes API server", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
