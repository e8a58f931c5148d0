using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NetworkMachinery.SFlow;

/// <summary>A 48-bit Ethernet MAC address held in a value, formatted as <c>aa:bb:cc:dd:ee:ff</c> without allocation.</summary>
public readonly struct MacAddress : IEquatable<MacAddress>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Length of the text form.</summary>
    public const int TextLength = 17;

    private MacAddress(ulong value) => Value = value;

    /// <summary>The address as the low 48 bits of a number, first octet most significant.</summary>
    public ulong Value { get; }

    /// <summary>Reads six bytes in transmission order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MacAddress Read(ReadOnlySpan<byte> bytes) =>
        new(((ulong)BinaryPrimitives.ReadUInt32BigEndian(bytes) << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]));

    /// <summary>Creates an address from the low 48 bits of <paramref name="value"/>.</summary>
    public static MacAddress FromValue(ulong value) => new(value & 0xFFFF_FFFF_FFFF);

    /// <inheritdoc />
    public bool Equals(MacAddress other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Compares two addresses for equality.</summary>
    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    /// <summary>Compares two addresses for inequality.</summary>
    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => string.Create(TextLength, Value, static (chars, value) => FromValue(value).TryFormat(chars, out _));

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (destination.Length < TextLength)
        {
            charsWritten = 0;
            return false;
        }

        Span<byte> utf8 = stackalloc byte[TextLength];
        TryFormat(utf8, out _);
        for (var i = 0; i < TextLength; i++)
        {
            destination[i] = (char)utf8[i];
        }

        charsWritten = TextLength;
        return true;
    }

    /// <inheritdoc />
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        var writer = new AsciiWriter(utf8Destination);
        for (var i = 5; i >= 0; i--)
        {
            writer.WriteHexByte((byte)(Value >> (8 * i)));
            if (i > 0)
            {
                writer.WriteByte((byte)':');
            }
        }

        bytesWritten = writer.Position;
        return !writer.Overflowed;
    }
}
