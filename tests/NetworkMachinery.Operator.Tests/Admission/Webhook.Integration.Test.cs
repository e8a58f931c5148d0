using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>
/// The webhook end to end: the real <c>netm operator</c> process with self-managed certificates, registered with the
/// real apiserver by a ValidatingWebhookConfiguration that reaches it by URL over TLS. The operator puts its authority
/// into the configuration's caBundle; clients and kubectl then get invalid objects of every kind refused with the
/// webhook's messages, valid ones stored, and an invalid update refused.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class WebhookIntegrationTests(KubeApiServerFixture fixture)
{
    private const string WebhookName = "validate.networkmachinery.io";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Webhook_RegisteredOverTls_RefusesInvalidObjectsWithItsMessage()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        var id = UniqueId.Next();
        var configurationName = $"{UniqueId.Prefix}-{id}";
        var port = FreePorts.Tcp();
        await using var running = await NetmOperatorProcess.StartAsync(
            fixture.Server,
            ns.Name,
            "--webhook-listen", $"127.0.0.1:{port}", "--webhook-host", "127.0.0.1", "--webhook-namespace", ns.Name, "--webhook-configuration", configurationName);
        var (netm, http) = (running.Process, running.Http);
        // A write of the Secret that times out on a loaded machine shows as "serving ..., but <problem>" until the
        // manager's next pass: what must hold is that it settles on serving from the Secret.
        const string Serving = "webhook: serving CN=networkmachinery-webhook from Secret";
        var readiness = "";
        await Poll.UntilAsync(() => (readiness = http.GetAsync(new Uri("/readyz", UriKind.Relative)).Result.Content.ReadAsStringAsync().Result).Contains(Serving, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(Serving, readiness, StringComparison.Ordinal);

        // Only this test's namespace goes through the webhook (1.20 labels no namespace by name: the test does).
        await client.CoreV1.PatchNamespaceAsync(new V1Patch($"{{\"metadata\":{{\"labels\":{{\"nmt-webhook\":\"{id}\"}}}}}}", V1Patch.PatchType.MergePatch), ns.Name);
        await using var configuration = await WebhookConfiguration.CreateAsync(client, configurationName, port, id);

        var secret = await client.CoreV1.ReadNamespacedSecretAsync("networkmachinery-webhook-tls", ns.Name);
        Assert.True(await Poll.UntilAsync(() => configuration.CaBundle().SequenceEqual(secret.Data["ca.crt"]), Timeout), netm.StandardError);

        // The apiserver picks up the caBundle from its own informer: until then its calls fail the TLS handshake. A
        // client gets the webhook's whole message, after the apiserver's prefix naming the webhook.
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(client);
        var layer3 = ResourceYaml.ConnectivityTest("layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}", "layer-three", ns.Name);
        string? message = null;
        Assert.True(
            await Poll.UntilAsync(() => (message = RefusalAsync(() => tests.CreateAsync(layer3, default)).Result).Contains("denied the request", StringComparison.Ordinal), Timeout),
            message + netm.StandardError);
        Assert.Equal(
            $"admission webhook \"{WebhookName}\" denied the request: NetworkConnectivityTest \"layer-three\" is invalid: spec.destinations[0].port: layer 3 sends ICMP echo requests, which have no ports; remove the port, or set spec.layer to \"4\" to probe it",
            message);

        // kubectl shows a 422 Invalid as it shows the apiserver's own validation: one line per field, from the causes.
        var refused = await ApplyAsync(Test("layer-three", "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}\n- {kind: pod, namespace: default}"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("The NetworkConnectivityTest \"layer-three\" is invalid: \n", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("* spec.destinations[0].port: layer 3 sends ICMP echo requests, which have no ports; remove the port", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("* spec.destinations[1].name: is required for a pod destination; set it to the pod's name", refused.StandardError, StringComparison.Ordinal);

        var layer4 = await ApplyAsync(Test("layer-four", "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}\n- {kind: dns, host: example.com}"));
        Assert.NotEqual(0, layer4.ExitCode);
        Assert.Contains("The NetworkConnectivityTest \"layer-four\" is invalid: spec.destinations[1].port: is required at layer 4, on every destination; add the port to probe", layer4.StandardError, StringComparison.Ordinal);

        var valid = await ApplyAsync(Test("valid", "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}"));
        Assert.True(valid.ExitCode == 0, valid.StandardError);

        var update = await ApplyAsync(Test("valid", "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}\n- {kind: pod, namespace: default, port: 80}"));
        Assert.NotEqual(0, update.ExitCode);
        Assert.Contains("The NetworkConnectivityTest \"valid\" is invalid: spec.destinations[1].name: is required for a pod destination; set it to the pod's name", update.StandardError, StringComparison.Ordinal);

        var stored = await ClusterCrds.KubectlAsync(fixture.Server, ["get", "networkconnectivitytests", "-n", ns.Name, "-o", "jsonpath={.items[*].metadata.name}: {.items[*].spec.destinations[*].ip}"]);
        Assert.Equal("valid: 10.0.0.1", stored.StandardOutput);

        foreach (var (kind, spec, problem) in new[]
        {
            ("NetworkTrafficShaper", "targets:\n- {name: web, selector: {matchLabels: {app: web}}}\ndelay: {latency: 10ms}", "spec.targets[0]: sets name and selector"),
            ("NetworkMonitor", "thresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", "spec.thresholds[0].flow: names flow \"tcp-flow\", and spec.flows is empty"),
            ("NetworkNotification", "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\"}\nflowKey: {ipsource: 10.0.0.1}", "spec.flowKey[ipsource]: \"ipsource\" is not a flow key field"),
        })
        {
            var result = await ApplyAsync(Manifest(kind, "bad", spec));
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains($"The {kind} \"bad\" is invalid: {problem}", result.StandardError, StringComparison.Ordinal);
        }

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        // The apiserver may run admission more than once for one PATCH (it retries the update on a fresher object).
        Assert.Matches("netm_operator_admission_reviews_total\\{kind=\"NetworkConnectivityTest\",operation=\"UPDATE\",outcome=\"denied\"\\} [1-9]", metrics);
        Assert.Contains("netm_operator_admission_reviews_total{kind=\"NetworkMonitor\",operation=\"CREATE\",outcome=\"denied\"} 1", metrics, StringComparison.Ordinal);

        // A configuration written again without a caBundle (a chart upgrade, say) gets it again.
        await configuration.RecreateAsync();
        Assert.True(await Poll.UntilAsync(() => configuration.CaBundle().SequenceEqual(secret.Data["ca.crt"]), Timeout), netm.StandardError);

        string Test(string name, string spec) => Manifest("NetworkConnectivityTest", name, spec);

        string Manifest(string kind, string name, string spec) =>
            $"apiVersion: networkmachinery.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {ns.Name}\nspec:\n"
            + string.Join('\n', spec.Split('\n').Select(line => "  " + line)) + "\n";
    }

    [Fact]
    public async Task CertificateDirectoryWithoutThePair_StopsTheStartWithWhatIsMissing()
    {
        var directory = Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-certs-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync(
                "dotnet",
                [NetmOperatorProcess.Netm, "operator", "--kubeconfig", fixture.Server.KubeconfigPath, "--listen", $"127.0.0.1:{FreePorts.Tcp()}", "--webhook-cert-dir", directory],
                new ProcessOptions { ThrowOnFailure = false, Timeout = Timeout });

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"netm operator: --webhook-cert-dir {directory} has no tls.crt and no tls.key", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The message of the Status the apiserver refused a request with; empty when it was not refused.
    private static async Task<string> RefusalAsync(Func<Task> request)
    {
        try
        {
            await request();
            return string.Empty;
        }
        catch (HttpOperationException e)
        {
            return JsonNode.Parse(e.Response.Content)?["message"]?.GetValue<string>() ?? e.Response.Content;
        }
    }

    private Task<ProcessResult> ApplyAsync(string manifest) => ClusterCrds.KubectlAsync(fixture.Server, ["apply", "-f", "-"], manifest);

    /// <summary>A ValidatingWebhookConfiguration for the four kinds that reaches the webhook by URL, deleted on dispose (it is cluster-wide).</summary>
    private sealed class WebhookConfiguration(IKubernetes client, string name, int port, string namespaceLabel) : IAsyncDisposable
    {
        public static async Task<WebhookConfiguration> CreateAsync(IKubernetes client, string name, int port, string namespaceLabel)
        {
            var configuration = new WebhookConfiguration(client, name, port, namespaceLabel);
            await configuration.CreateAsync();
            return configuration;
        }

        public byte[] CaBundle() => client.AdmissionregistrationV1.ReadValidatingWebhookConfiguration(name).Webhooks[0].ClientConfig.CaBundle ?? [];

        public async Task RecreateAsync()
        {
            await client.AdmissionregistrationV1.DeleteValidatingWebhookConfigurationAsync(name);
            await CreateAsync(); // without a caBundle, as at first
        }

        public async ValueTask DisposeAsync() => await client.AdmissionregistrationV1.DeleteValidatingWebhookConfigurationAsync(name);

        private async Task CreateAsync()
        {
            await client.AdmissionregistrationV1.CreateValidatingWebhookConfigurationAsync(new V1ValidatingWebhookConfiguration
            {
                Metadata = new V1ObjectMeta { Name = name },
                Webhooks =
                [
                    new V1ValidatingWebhook
                    {
                        Name = WebhookName,
                        ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = $"https://127.0.0.1:{port}/validate" },
                        Rules =
                        [
                            new V1RuleWithOperations
                            {
                                ApiGroups = ["networkmachinery.io"],
                                ApiVersions = ["v1alpha1"],
                                Operations = ["CREATE", "UPDATE"],
                                Resources = ["networkconnectivitytests", "networktrafficshapers", "networkmonitors", "networknotifications"],
                            },
                        ],
                        NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["nmt-webhook"] = namespaceLabel } },
                        FailurePolicy = "Fail",
                        SideEffects = "None",
                        AdmissionReviewVersions = ["v1"],
                    },
                ],
            });
        }
    }
}
