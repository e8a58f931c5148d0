using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;

namespace NetworkMachinery.SFlow;

/// <summary>
/// An IPv4 or IPv6 address held inline, so decoding and comparing addresses never allocates
/// (unlike <see cref="IPAddress"/>). Formats as text without allocation.
/// </summary>
public readonly struct IpAddressValue : IEquatable<IpAddressValue>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>The longest text form: a full IPv6 address with an embedded IPv4 tail.</summary>
    public const int MaxTextLength = 45;

    // Network byte order: _high holds bytes 0-7, _low bytes 8-15. An IPv4 address sits in the low 32 bits of _low.
    private readonly ulong _high;
    private readonly ulong _low;

    private IpAddressValue(ulong high, ulong low, IpFamily family)
    {
        _high = high;
        _low = low;
        Family = family;
    }

    /// <summary>The address family, or <see cref="IpFamily.None"/> for an absent address.</summary>
    public IpFamily Family { get; }

    /// <summary>True for an absent address (the default value).</summary>
    public bool IsNone => Family == IpFamily.None;

    /// <summary>The IPv4 address as a big-endian 32-bit number; 0 unless the family is IPv4.</summary>
    public uint IPv4Value => Family == IpFamily.IPv4 ? (uint)_low : 0;

    /// <summary>Creates an IPv4 address from its four bytes in network order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddressValue FromIPv4(ReadOnlySpan<byte> bytes) =>
        new(0, BinaryPrimitives.ReadUInt32BigEndian(bytes), IpFamily.IPv4);

    /// <summary>Creates an IPv4 address from its big-endian 32-bit value.</summary>
    public static IpAddressValue FromIPv4(uint value) => new(0, value, IpFamily.IPv4);

    /// <summary>Creates an IPv6 address from its sixteen bytes in network order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddressValue FromIPv6(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), IpFamily.IPv6);

    /// <summary>Creates an IPv6 address from its first and last eight bytes as big-endian numbers.</summary>
    public static IpAddressValue FromIPv6(ulong high, ulong low) => new(high, low, IpFamily.IPv6);

    /// <summary>Converts from <see cref="IPAddress"/> (allocates nothing but reads the address bytes).</summary>
    public static IpAddressValue FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? FromIPv4(bytes) : FromIPv6(bytes);
    }

    /// <summary>Writes the address bytes in network order: 4 for IPv4, 16 for IPv6, none for an absent address.</summary>
    public int WriteBytes(Span<byte> destination)
    {
        switch (Family)
        {
            case IpFamily.IPv4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
                return 4;
            case IpFamily.IPv6:
                BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
                BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
                return 16;
            default:
                return 0;
        }
    }

    /// <summary>Converts to <see cref="IPAddress"/>; allocates, so keep it off hot paths. Null for an absent address.</summary>
    public IPAddress? ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = WriteBytes(bytes);
        return length == 0 ? null : new IPAddress(bytes[..length]);
    }

    /// <inheritdoc />
    public bool Equals(IpAddressValue other) => _high == other._high && _low == other._low && Family == other.Family;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IpAddressValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low, Family);

    /// <summary>Compares two addresses for equality.</summary>
    public static bool operator ==(IpAddressValue left, IpAddressValue right) => left.Equals(right);

    /// <summary>Compares two addresses for inequality.</summary>
    public static bool operator !=(IpAddressValue left, IpAddressValue right) => !left.Equals(right);

    /// <summary>The usual text form: dotted quad, or RFC 5952 IPv6; empty for an absent address.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxTextLength];
        TryFormat(buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<byte> utf8 = stackalloc byte[MaxTextLength];
        if (!TryFormat(utf8, out var written, format, provider) || written > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        for (var i = 0; i < written; i++)
        {
            destination[i] = (char)utf8[i];
        }

        charsWritten = written;
        return true;
    }

    /// <inheritdoc />
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        var writer = new AsciiWriter(utf8Destination);
        switch (Family)
        {
            case IpFamily.IPv4:
                writer.WriteDottedQuad((uint)_low);
                break;
            case IpFamily.IPv6:
                WriteIPv6(ref writer);
                break;
        }

        bytesWritten = writer.Position;
        return !writer.Overflowed;
    }

    private void WriteIPv6(ref AsciiWriter writer)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 4; i++)
        {
            groups[i] = (ushort)(_high >> (48 - (16 * i)));
            groups[i + 4] = (ushort)(_low >> (48 - (16 * i)));
        }

        // ::ffff:a.b.c.d keeps its dotted IPv4 tail, as every common tool prints it.
        if (_high == 0 && (_low >> 32) == 0xFFFF)
        {
            writer.WriteAscii("::ffff:"u8);
            writer.WriteDottedQuad((uint)_low);
            return;
        }

        // RFC 5952: compress the longest run (at least two) of zero groups, the first one on a tie.
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        if (bestLength < 2)
        {
            bestStart = -1;
        }

        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                writer.WriteAscii("::"u8);
                i += bestLength - 1;
                continue;
            }

            if (i > 0 && i != bestStart + bestLength)
            {
                writer.WriteByte((byte)':');
            }

            writer.WriteHex(groups[i]);
        }
    }
}
