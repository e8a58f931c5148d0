namespace NetworkMachinery.Alerting.Delivery;

/// <summary>A channel made concrete for one event: where to POST, what, and the HMAC key to sign it with (webhooks only).</summary>
/// <param name="Url">The destination, from the channel's inline url or its Secret.</param>
/// <param name="Body">The payload (JSON), the same for every attempt so that a receiver can deduplicate.</param>
/// <param name="HmacKey">The signing key, or null to send unsigned.</param>
internal sealed record ChannelTarget(Uri Url, byte[] Body, string? HmacKey);
