using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>
/// The webhook's answers to reviews as the API server posts them, through Kestrel and the endpoint: allowed and denied
/// objects of the four kinds, every problem in the message, the review's own version, DELETE, status writes, updates
/// of objects stored before, unknown kinds, and bodies that are not reviews.
/// </summary>
public sealed class AdmissionReviewHandlerTests : IAsyncLifetime
{
    private const string Valid = "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}";

    // Two of the original project's rules broken at once, and a field a kind needs left out.
    private const string ThreeProblems = "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}\n- {kind: pod, namespace: default}\n- {kind: ip, ip: 10.0.0.2, port: 443}";

    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_ValidTest_IsAllowedWithTheRequestsUid()
    {
        var (status, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(Valid), uid: "uid-1"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("admission.k8s.io/v1", (string?)body!["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)body["kind"]);
        Assert.Equal("uid-1", (string?)body["response"]!["uid"]);
        Assert.True((bool)body["response"]!["allowed"]!);
        Assert.Null(body["response"]!["status"]);
    }

    [Fact]
    public async Task Create_InvalidTest_IsDenied422InvalidWithEveryProblemOnALineOfItsOwn()
    {
        var (status, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(ThreeProblems)));

        Assert.Equal(HttpStatusCode.OK, status);
        var response = body!["response"]!;
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(422, (int)response["status"]!["code"]!);
        Assert.Equal("Invalid", (string?)response["status"]!["reason"]);
        var lines = ((string)response["status"]!["message"]!).Split('\n');
        Assert.Equal("NetworkConnectivityTest \"test\" is invalid (3 problems):", lines[0]);
        Assert.Equal(
            ["spec.destinations[0].port", "spec.destinations[1].name", "spec.destinations[2].port"],
            lines.Skip(1).Select(line => line[2..line.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("- spec.destinations[0].port: ", StringComparison.Ordinal) && line.Contains("remove the port", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("- spec.destinations[1].name: ", StringComparison.Ordinal) && line.Contains("set it to the pod's name", StringComparison.Ordinal));
        var causes = response["status"]!["details"]!["causes"]!.AsArray();
        Assert.Equal(3, causes.Count);
        Assert.All(causes, cause => Assert.Contains($"- {(string?)cause!["field"]}: {(string?)cause["message"]}", lines));
    }

    [Fact]
    public async Task Create_OneProblem_FitsOnOneLine()
    {
        var test = ResourceYaml.ConnectivityTest("layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1}");

        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", test));

        var error = Assert.Single(NetworkConnectivityTestValidator.Validate(test));
        Assert.Equal($"NetworkConnectivityTest \"test\" is invalid: spec.destinations[0].port: {error.Message}", (string?)body!["response"]!["status"]!["message"]);
    }

    public static TheoryData<string, string, string> OtherKinds() => new()
    {
        { V1Alpha1NetworkTrafficShaper.KubeKind, "targets:\n- {name: web, selector: {matchLabels: {app: web}}}\ndelay: {latency: 10ms}", "spec.targets[0]" },
        { V1Alpha1NetworkMonitor.KubeKind, "thresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", "spec.thresholds[0].flow" },
        // An inline URL is for standalone manifests: stored in a cluster it would be readable by whoever reads the monitor.
        { V1Alpha1NetworkMonitor.KubeKind, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1}\nchannels:\n- {name: hook, webhook: {url: \"https://hooks.example.com/x\"}}", "spec.channels[0].webhook.url" },
        { V1Alpha1NetworkNotification.KubeKind, "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\"}\nflowKey: {ipsource: 10.0.0.1}", "spec.flowKey[ipsource]" },
    };

    [Theory]
    [MemberData(nameof(OtherKinds))]
    public async Task Create_InvalidObjectOfEachOtherKind_IsDeniedNamingTheField(string kind, string spec, string field)
    {
        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.Object(kind, spec)));

        var status = body!["response"]!["status"]!;
        Assert.False((bool)body["response"]!["allowed"]!);
        Assert.StartsWith($"{kind} \"test\" is invalid: {field}: ", (string?)status["message"], StringComparison.Ordinal);
        Assert.Equal(kind, (string?)status["details"]!["kind"]);
    }

    [Fact]
    public async Task V1Beta1Review_IsAnsweredInV1Beta1()
    {
        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(ThreeProblems), apiVersion: "admission.k8s.io/v1beta1"));

        Assert.Equal("admission.k8s.io/v1beta1", (string?)body!["apiVersion"]);
        Assert.False((bool)body["response"]!["allowed"]!);
    }

    [Fact]
    public async Task Delete_OfAnInvalidObject_IsAllowed()
    {
        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("DELETE", current: null, old: ResourceYaml.ConnectivityTest(ThreeProblems)));

        Assert.True((bool)body!["response"]!["allowed"]!);
    }

    [Fact]
    public async Task Update_ToAnInvalidSpec_IsDenied()
    {
        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("UPDATE", ResourceYaml.ConnectivityTest(ThreeProblems), ResourceYaml.ConnectivityTest(Valid)));

        Assert.False((bool)body!["response"]!["allowed"]!);
        Assert.Equal(422, (int)body["response"]!["status"]!["code"]!);
    }

    [Fact]
    public async Task Update_OfAnInvalidObjectThatLeavesItsSpec_IsAllowed_SoFinalizersAndLabelsCanChange()
    {
        var old = ResourceYaml.ConnectivityTest(ThreeProblems);
        var labelled = ResourceYaml.ConnectivityTest(ThreeProblems);
        labelled.Metadata.Labels = new Dictionary<string, string> { ["team"] = "net" };
        var deleting = ResourceYaml.ConnectivityTest(ThreeProblems.Replace("port: 443", "port: 8443", StringComparison.Ordinal));
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;

        var (_, relabelled, _) = await _server.PostAsync(WebhookServer.Review("UPDATE", labelled, old));
        var (_, finalized, _) = await _server.PostAsync(WebhookServer.Review("UPDATE", deleting, old));

        Assert.True((bool)relabelled!["response"]!["allowed"]!);
        Assert.True((bool)finalized!["response"]!["allowed"]!);
    }

    [Fact]
    public async Task StatusWrite_OfAnInvalidObject_IsAllowed()
    {
        var test = ResourceYaml.ConnectivityTest(ThreeProblems);

        var (_, body, _) = await _server.PostAsync(WebhookServer.Review("UPDATE", test, ResourceYaml.ConnectivityTest(Valid), subResource: "status"));

        Assert.True((bool)body!["response"]!["allowed"]!);
    }

    [Fact]
    public async Task UnknownKind_IsAllowedWithAWarningToNarrowTheRules()
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "u",
                ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
                ["operation"] = "CREATE",
                ["object"] = JsonNode.Parse(k8s.KubernetesJson.Serialize(new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = "p" } })),
            },
        };

        var (_, body, _) = await _server.PostAsync(review.ToJsonString());

        Assert.True((bool)body!["response"]!["allowed"]!);
        Assert.Contains("narrow the rules", (string?)body["response"]!["warnings"]![0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "{not json", "is not an AdmissionReview in JSON" },
        { "null", "it is JSON null" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "has no request" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"operation\":\"CREATE\"}}", "has no uid" },
        { "{\"apiVersion\":\"admission.k8s.io/v2\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}", "is not admission.k8s.io/v1 or admission.k8s.io/v1beta1" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Pod\",\"request\":{\"uid\":\"u\"}}", "kind \"Pod\" is not AdmissionReview" },
        { "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":7}}", "is not an AdmissionReview in JSON" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedBody_Gets400WithTheReason_AndTheServerGoesOn(string bodyText, string reason)
    {
        var (status, _, text) = await _server.PostAsync(bodyText);
        var (after, body, _) = await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(Valid)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.True((bool)body!["response"]!["allowed"]!);
    }

    [Fact]
    public async Task ObjectThatDoesNotFitItsKind_IsDeniedAsBadRequest()
    {
        var review = JsonNode.Parse(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(Valid)))!;
        review["request"]!["object"]!["spec"]!["count"] = "many";

        var (status, body, _) = await _server.PostAsync(review.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)body!["response"]!["allowed"]!);
        Assert.Equal(400, (int)body["response"]!["status"]!["code"]!);
        Assert.Contains("cannot be read", (string?)body["response"]!["status"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_AreCountedByKindOperationAndOutcome()
    {
        await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(Valid)));
        await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(ThreeProblems)));
        await _server.PostAsync(WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest(ThreeProblems)));
        await _server.PostAsync("{");

        var metrics = await _server.MetricsAsync();

        Assert.Contains("netm_operator_admission_reviews_total{kind=\"NetworkConnectivityTest\",operation=\"CREATE\",outcome=\"allowed\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_operator_admission_reviews_total{kind=\"NetworkConnectivityTest\",operation=\"CREATE\",outcome=\"denied\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_operator_admission_reviews_total{kind=\"unknown\",operation=\"unknown\",outcome=\"malformed\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_operator_admission_review_duration_seconds_count{kind=\"NetworkConnectivityTest\"} 3", metrics, StringComparison.Ordinal);
    }
}
