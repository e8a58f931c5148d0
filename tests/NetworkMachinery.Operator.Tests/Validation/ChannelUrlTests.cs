using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Tests.Validation;

/// <summary>
/// A NetworkMonitor channel's URL: inline (<c>url</c>) in standalone manifests only, from a Secret in a cluster, and
/// exactly one of the two.
/// </summary>
public sealed class ChannelUrlTests
{
    private const string Threshold = "thresholds:\n- {name: errors, metric: ifInErrors, value: 1}\nchannels:\n";

    public static TheoryData<string> InlineUrls() => new()
    {
        "- {name: ops, slack: {url: \"https://hooks.example.com/services/T0/B0/x\"}}",
        "- {name: hook, webhook: {url: \"http://127.0.0.1:8080/events\", hmacSecretRef: {name: hook, key: hmac}}}",
    };

    [Theory]
    [MemberData(nameof(InlineUrls))]
    public void Validate_InlineUrlInCluster_IsRefusedSayingToUseASecret(string channel)
    {
        var error = Assert.Single(ResourceValidator.Validate(ResourceYaml.Object("NetworkMonitor", Threshold + channel), ValidationMode.Cluster));

        Assert.EndsWith(".url", error.Path, StringComparison.Ordinal);
        Assert.Contains("allowed only in standalone manifests", error.Message, StringComparison.Ordinal);
        Assert.Contains("put the URL into a Secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InlineUrls))]
    public void Validate_InlineUrlStandalone_IsValid(string channel)
    {
        Assert.Empty(ResourceValidator.Validate(ResourceYaml.Object("NetworkMonitor", Threshold + channel), ValidationMode.Standalone));
    }

    [Fact]
    public void Validate_ClusterIsTheDefaultMode()
    {
        var monitor = ResourceYaml.Object("NetworkMonitor", Threshold + "- {name: hook, webhook: {url: \"http://127.0.0.1/\"}}");

        Assert.Equal(["spec.channels[0].webhook.url"], ResourceValidator.Validate(monitor).Select(error => error.Path));
    }

    [Theory]
    [InlineData(ValidationMode.Cluster, "- {name: ops, slack: {}}", "spec.channels[0].slack", "needs webhookSecretRef: the key of a Secret")]
    [InlineData(ValidationMode.Standalone, "- {name: ops, slack: {}}", "spec.channels[0].slack", "needs one of webhookSecretRef or url")]
    [InlineData(ValidationMode.Standalone, "- {name: hook, webhook: {hmacSecretRef: {name: h, key: k}}}", "spec.channels[0].webhook", "needs one of urlSecretRef or url")]
    [InlineData(ValidationMode.Standalone, "- {name: hook, webhook: {url: \"http://127.0.0.1/\", urlSecretRef: {name: h, key: url}}}", "spec.channels[0].webhook", "keep only one of them")]
    [InlineData(ValidationMode.Standalone, "- {name: hook, webhook: {url: \"127.0.0.1:8080/events\"}}", "spec.channels[0].webhook.url", "is not an absolute http or https URL")]
    [InlineData(ValidationMode.Standalone, "- {name: ops, slack: {url: \"ftp://files.example.com/\"}}", "spec.channels[0].slack.url", "is not an absolute http or https URL")]
    public void Validate_ChannelWithoutOneGoodUrl_FailsSayingHowToFixIt(ValidationMode mode, string channel, string path, string fragment)
    {
        var error = Assert.Single(ResourceValidator.Validate(ResourceYaml.Object("NetworkMonitor", Threshold + channel), mode));

        Assert.Equal(path, error.Path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretReferencesStandalone_AreValidToo()
    {
        var monitor = ResourceYaml.Object("NetworkMonitor", Threshold + "- {name: hook, webhook: {urlSecretRef: {name: hook, key: url}}}\n- {name: ops, slack: {webhookSecretRef: {name: slack, key: url}}}");

        Assert.Empty(ResourceValidator.Validate(monitor, ValidationMode.Standalone));
    }
}
