using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkMachinery.Alerting.Delivery.Payloads;

/// <summary>
/// The signature of a webhook request made with the channel's HMAC key: <c>X-Netm-Signature: sha256=HEX</c>, the
/// HMAC-SHA256 of <c>TIMESTAMP.BODY</c> with the key's UTF-8 bytes, where TIMESTAMP is <c>X-Netm-Timestamp</c> (Unix
/// seconds). Signing the timestamp with the body lets a receiver refuse a replayed request (docs/notifications.md).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "X-Netm-Signature";

    /// <summary>The header with the time the request was signed, Unix seconds.</summary>
    public const string TimestampHeader = "X-Netm-Timestamp";

    private const string Prefix = "sha256=";

    /// <summary>The value of <see cref="SignatureHeader"/> for <paramref name="body"/> signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Compute(string key, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stamp = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));
    }

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="body"/> at <paramref name="timestamp"/>, compared in constant time.</summary>
    public static bool Verify(string key, long timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
