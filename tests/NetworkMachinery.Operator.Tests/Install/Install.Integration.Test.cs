using System.Text.Json;
using k8s;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>
/// The manifests against the shared real kube-apiserver (1.20, RBAC on): deploy/install.yaml passes a server-side
/// dry run; the chart, rendered for a release and namespace of the test's own, applies for real; and the operator's
/// ServiceAccount is enough for a real <c>netm operator</c> to reconcile a test, while it and the collector's are
/// refused what they do not need.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class InstallIntegrationTests(KubeApiServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InstallYaml_ServerSideDryRun_AcceptsEveryObject()
    {
        var objects = new Manifests(await File.ReadAllTextAsync(HelmChart.InstallYaml)).Objects.Count;

        // A dry run creates nothing, so the objects in install.yaml's namespace need that namespace to exist already.
        var created = await KubectlAsync(["create", "namespace", "networkmachinery"]);
        Assert.True(created.ExitCode == 0, created.StandardError);
        try
        {
            var result = await KubectlAsync(["apply", "--dry-run=server", "-f", HelmChart.InstallYaml]);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal(objects, result.StandardOutput.Split('\n').Count(line => line.EndsWith("(server dry run)", StringComparison.Ordinal)));
        }
        finally
        {
            await KubectlAsync(["delete", "namespace", "networkmachinery", "--wait=false"]);
        }
    }

    [Fact]
    public async Task Chart_AppliedForReal_EveryObjectExists()
    {
        var release = TestRelease.Create();
        var manifest = await HelmChart.RenderAsync(release.Name, release.Namespace, "--include-crds", "--set", "createNamespace=true");
        try
        {
            var applied = await KubectlAsync(["apply", "-f", "-"], manifest);
            Assert.True(applied.ExitCode == 0, applied.StandardError);

            var listed = await KubectlAsync(["get", "-f", "-", "-o", "json"], manifest);
            Assert.True(listed.ExitCode == 0, listed.StandardError);
            var found = JsonDocument.Parse(listed.StandardOutput).RootElement.GetProperty("items").EnumerateArray()
                .Select(item => $"{item.GetProperty("kind").GetString()}/{item.GetProperty("metadata").GetProperty("name").GetString()}");
            var expected = new Manifests(manifest).Objects.Select(o => $"{o.Kind}/{o.Metadata.Name}");
            Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        }
        finally
        {
            await release.DeleteAsync(fixture.Server);
        }
    }

    [Fact]
    public async Task OperatorServiceAccount_IsEnoughToReconcile_AndRefusedTheRest()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        using var client = fixture.Server.CreateClient();
        await using var tests = await TestNamespace.CreateAsync(client);
        var release = TestRelease.Create();
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-kubeconfig-{UniqueId.Next()}");
        // Nothing serves the webhook here (the operator runs outside the cluster): Ignore lets the test through.
        var manifest = await HelmChart.RenderAsync(release.Name, release.Namespace, "--set", "createNamespace=true", "--set", "webhook.failurePolicy=Ignore");
        try
        {
            var applied = await KubectlAsync(["apply", "-f", "-"], manifest);
            Assert.True(applied.ExitCode == 0, applied.StandardError);

            var @operator = $"system:serviceaccount:{release.Namespace}:{release.Name}-operator";
            await AssertCanAsync(@operator, true, "watch", "networkconnectivitytests.networkmachinery.io", "--all-namespaces");
            await AssertCanAsync(@operator, true, "update", "networkconnectivitytests.networkmachinery.io", "--subresource=status", "-n", tests.Name);
            await AssertCanAsync(@operator, true, "update", "leases.coordination.k8s.io/netm-operator-leader", "-n", release.Namespace);
            await AssertCanAsync(@operator, true, "update", $"secrets/{release.Name}-webhook-tls", "-n", release.Namespace);
            await AssertCanAsync(@operator, true, "patch", $"validatingwebhookconfigurations.admissionregistration.k8s.io/{release.Name}");
            await AssertCanAsync(@operator, false, "delete", "pods", "-n", tests.Name);
            await AssertCanAsync(@operator, false, "create", "pods", "-n", tests.Name);
            // Alerting reads the Secrets a monitor's channels name, one by one; it can never list them.
            await AssertCanAsync(@operator, true, "get", "secrets/slack", "-n", tests.Name);
            await AssertCanAsync(@operator, false, "list", "secrets", "-n", tests.Name);
            await AssertCanAsync(@operator, false, "watch", "secrets", "--all-namespaces");
            await AssertCanAsync(@operator, false, "update", "secrets/another", "-n", release.Namespace);
            await AssertCanAsync(@operator, true, "delete", "networknotifications.networkmachinery.io", "-n", tests.Name);
            await AssertCanAsync(@operator, false, "update", "leases.coordination.k8s.io/another", "-n", release.Namespace);
            await AssertCanAsync(@operator, false, "patch", "validatingwebhookconfigurations.admissionregistration.k8s.io/another");
            await AssertCanAsync(@operator, false, "delete", "networkconnectivitytests.networkmachinery.io", "-n", tests.Name);
            await AssertCanAsync(@operator, false, "update", "customresourcedefinitions.apiextensions.k8s.io");

            var collector = $"system:serviceaccount:{release.Namespace}:{release.Name}-collector";
            await AssertCanAsync(collector, false, "get", "pods", "-n", release.Namespace);
            await AssertCanAsync(collector, false, "list", "networkconnectivitytests.networkmachinery.io", "--all-namespaces");
            await AssertCanAsync(collector, false, "get", "secrets", "-n", release.Namespace);
            await AssertCanAsync(collector, false, "create", "events", "-n", release.Namespace);
            await AssertCanAsync(collector, false, "get", "leases.coordination.k8s.io", "-n", release.Namespace);

            // The operator as deployed (leader election in its namespace, every namespace watched, the webhook's
            // certificates managed in its Secret and configuration), with nothing but its ServiceAccount's token.
            var token = await KubectlAsync(["create", "token", $"{release.Name}-operator", "-n", release.Namespace]);
            Assert.True(token.ExitCode == 0, token.StandardError);
            var admin = await File.ReadAllTextAsync(fixture.Server.KubeconfigPath);
            Assert.Contains(fixture.Server.AdminToken, admin, StringComparison.Ordinal);
            await File.WriteAllTextAsync(kubeconfig, admin.Replace(fixture.Server.AdminToken, token.StandardOutput.Trim(), StringComparison.Ordinal));

            await using var netm = await NetmOperatorProcess.StartAsync(kubeconfig, [
                "--leader-elect", "--lease-namespace", release.Namespace,
                "--webhook-listen", $"127.0.0.1:{FreePorts.Tcp()}", "--webhook-host", "127.0.0.1", "--webhook-namespace", release.Namespace,
                "--webhook-secret", $"{release.Name}-webhook-tls", "--webhook-configuration", release.Name, "--webhook-service", $"{release.Name}-webhook",
            ]);
            var webhook = await client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(release.Name);
            Assert.True(
                await Poll.UntilAsync(() => (webhook = client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(release.Name).Result).Webhooks.All(w => w.ClientConfig.CaBundle?.Length > 0), Timeout),
                netm.Process.StandardError);

            // No prober answers: the row ends as an error after the run's budget, written to status by the operator.
            await UnansweredConnectivityTest.ReconcileAsync(client, tests.Name, "rbac", () => netm.Process.StandardError, Timeout);
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("netm-operator-leader", release.Namespace);
            Assert.False(string.IsNullOrEmpty(lease.Spec.HolderIdentity));
            Assert.False(netm.Process.StandardError.Contains("Forbidden", StringComparison.OrdinalIgnoreCase), netm.Process.StandardError);

            var stopped = await netm.Process.StopAsync(UnixSignal.Terminate, Timeout);
            Assert.Equal(0, stopped.ExitCode);
        }
        finally
        {
            File.Delete(kubeconfig);
            await release.DeleteAsync(fixture.Server);
        }
    }

    private async Task AssertCanAsync(string user, bool expected, params string[] query)
    {
        var result = await KubectlAsync(["auth", "can-i", .. query, $"--as={user}"]);
        Assert.True(
            result.StandardOutput.Trim() == (expected ? "yes" : "no"),
            $"kubectl auth can-i {string.Join(' ', query)} as {user}: expected {(expected ? "yes" : "no")}, got '{result.StandardOutput.Trim()}' {result.StandardError}");
    }

    private Task<ProcessResult> KubectlAsync(IEnumerable<string> arguments, string? input = null) => ClusterCrds.KubectlAsync(fixture.Server, arguments, input);
}
