using System.Text;
using NetworkMachinery.Alerting.Delivery.Payloads;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>The signature against a value computed by another implementation (Python's hmac, and openssl dgst -hmac: the recipes of docs/notifications.md).</summary>
public sealed class WebhookSignatureTests
{
    private const string Key = "s3cret-key";
    private const long Timestamp = 1_764_000_000;
    private const string Expected = "sha256=8c9b290e105b2d87dc52e0908bbc8a6496e5b4fcae94779af2aea2f18f5e6a39";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"kind\":\"ThresholdRaised\"}");

    [Fact]
    public void Compute_KnownInput_MatchesTheReferenceValue()
    {
        Assert.Equal(Expected, WebhookSignature.Compute(Key, Timestamp, Body));
    }

    [Fact]
    public void Verify_TheSignature_IsTrue_AndFalseForAnyChange()
    {
        Assert.True(WebhookSignature.Verify(Key, Timestamp, Body, Expected));
        Assert.False(WebhookSignature.Verify(Key, Timestamp + 1, Body, Expected));
        Assert.False(WebhookSignature.Verify("other-key", Timestamp, Body, Expected));
        Assert.False(WebhookSignature.Verify(Key, Timestamp, Encoding.UTF8.GetBytes("{\"kind\":\"ThresholdCleared\"}"), Expected));
        Assert.False(WebhookSignature.Verify(Key, Timestamp, Body, Expected.ToUpperInvariant()));
        Assert.False(WebhookSignature.Verify(Key, Timestamp, Body, null));
    }
}
