using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NetworkMachinery.SFlow.Json;

/// <summary>Writes decoder value types as JSON without allocating.</summary>
public static class JsonWriterExtensions
{
    /// <summary>Writes an address as its text form, or null when absent.</summary>
    public static void WriteAddress(this Utf8JsonWriter writer, JsonEncodedText name, IpAddressValue address)
    {
        if (address.IsNone)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[IpAddressValue.MaxTextLength];
        address.TryFormat(text, out var length);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>Writes an address as its text form, or null when absent.</summary>
    public static void WriteAddress(this Utf8JsonWriter writer, string name, IpAddressValue address) =>
        writer.WriteAddress(JsonEncodedText.Encode(name), address);

    /// <summary>Writes a MAC address as <c>aa:bb:cc:dd:ee:ff</c>.</summary>
    public static void WriteMac(this Utf8JsonWriter writer, JsonEncodedText name, MacAddress mac)
    {
        Span<byte> text = stackalloc byte[MacAddress.TextLength];
        mac.TryFormat(text, out _);
        writer.WriteString(name, text);
    }

    /// <summary>Writes a MAC address as <c>aa:bb:cc:dd:ee:ff</c>.</summary>
    public static void WriteMac(this Utf8JsonWriter writer, string name, MacAddress mac) =>
        writer.WriteMac(JsonEncodedText.Encode(name), mac);

    /// <summary>
    /// Writes agent-supplied text. Bytes that are not valid UTF-8 are replaced (U+FFFD) rather than rejected,
    /// because a name in a datagram is data, not something to fail on.
    /// </summary>
    public static void WriteText(this Utf8JsonWriter writer, string name, ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            writer.WriteString(name, text);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(text));
        }
    }

    /// <summary>
    /// Writes a float from a datagram, or null when it is NaN or infinite: JSON has no such numbers, and
    /// <see cref="Utf8JsonWriter"/> throws rather than write them.
    /// </summary>
    public static void WriteFloat(this Utf8JsonWriter writer, string name, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
