using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NetworkMachinery.SFlow;

/// <summary>
/// A forward-only reader of XDR (RFC 4506) data over a span: big-endian 32- and 64-bit integers,
/// opaques padded to four bytes, and length-prefixed structures.
/// </summary>
/// <remarks>
/// The methods never throw and never read past the span: when the data runs out they record an
/// <see cref="SFlowError"/> carrying the absolute offset in the datagram and return false. Structures of fixed
/// layout are taken as one block with <see cref="TryReadFixed"/> and their fields read with <see cref="XdrFields"/>.
/// </remarks>
public ref struct XdrReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private readonly SFlowErrorCode _endOfDataCode;
    private int _position;
    private SFlowError _error;

    /// <summary>Creates a reader.</summary>
    /// <param name="data">The bytes to read.</param>
    /// <param name="origin">Offset of <paramref name="data"/> within the datagram, so errors report datagram offsets.</param>
    /// <param name="endOfDataCode">The error to record when a field runs past the end of <paramref name="data"/>.</param>
    public XdrReader(ReadOnlySpan<byte> data, int origin = 0, SFlowErrorCode endOfDataCode = SFlowErrorCode.Truncated)
    {
        _data = data;
        _origin = origin;
        _endOfDataCode = endOfDataCode;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The absolute offset in the datagram of the next byte to read.</summary>
    public readonly int Offset => _origin + _position;

    /// <summary>The first error met, or <see cref="SFlowError.None"/>.</summary>
    public readonly SFlowError Error => _error;

    /// <summary>True once a read has failed.</summary>
    public readonly bool HasError => _error.IsError;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> UnreadSpan => _data[_position..];

    /// <summary>Records <paramref name="code"/> at the current offset (unless an error is already recorded) and returns false.</summary>
    public bool Fail(SFlowErrorCode code) => FailAt(code, Offset);

    /// <summary>Records <paramref name="code"/> at <paramref name="offset"/> (unless an error is already recorded) and returns false.</summary>
    public bool FailAt(SFlowErrorCode code, int offset)
    {
        if (!_error.IsError)
        {
            _error = new SFlowError(code, offset);
        }

        return false;
    }

    /// <summary>
    /// Takes the next <paramref name="length"/> bytes as one block, for structures of fixed layout: one bounds check
    /// and one position update for all their fields, which <see cref="XdrFields"/> then reads at constant offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadFixed(int length, out ReadOnlySpan<byte> fields)
    {
        if ((uint)length <= (uint)Remaining)
        {
            fields = _data.Slice(_position, length);
            _position += length;
            return true;
        }

        fields = default;
        return Fail(_endOfDataCode);
    }

    /// <summary>
    /// Takes the next <paramref name="length"/> bytes and skips their padding to four bytes, without recording an error
    /// when they run past the end: the caller knows which error that is.
    /// </summary>
    public bool TryTakePadded(uint length, out ReadOnlySpan<byte> bytes)
    {
        if (Align4(length) > (uint)Remaining)
        {
            bytes = default;
            return false;
        }

        bytes = _data.Slice(_position, (int)length);
        _position += (int)Align4(length);
        return true;
    }

    /// <summary>Reads a 32-bit unsigned integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadUInt32(out uint value)
    {
        if (TryReadFixed(4, out var field))
        {
            value = XdrFields.UInt32(field, 0);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a fixed-length opaque of <paramref name="length"/> bytes and skips its padding to four bytes.</summary>
    public bool TryReadFixedOpaque(int length, out ReadOnlySpan<byte> value)
    {
        // The unsigned compare turns away a negative length, whose rounded value would pass the second check.
        var padded = Align4(length);
        if ((uint)length <= (uint)Remaining && padded <= Remaining)
        {
            value = _data.Slice(_position, length);
            _position += padded;
            return true;
        }

        value = default;
        return Fail(_endOfDataCode);
    }

    /// <summary>
    /// Reads a variable-length opaque or string (<c>opaque&lt;max&gt;</c>): a 32-bit length, the bytes, and padding to four bytes.
    /// </summary>
    /// <param name="maxLength">The bound the format declares; a longer value is an error.</param>
    /// <param name="value">The bytes, without padding.</param>
    public bool TryReadVariableOpaque(uint maxLength, out ReadOnlySpan<byte> value)
    {
        var start = Offset;
        if (!TryReadUInt32(out var length))
        {
            value = default;
            return false;
        }

        if (length > maxLength || Align4(length) > (uint)Remaining)
        {
            value = default;
            return FailAt(SFlowErrorCode.OpaqueLengthOutOfRange, start);
        }

        value = _data.Slice(_position, (int)length);
        _position += (int)Align4(length);
        return true;
    }

    /// <summary>Reads an element count and checks that that many elements of at least <paramref name="minElementSize"/> bytes fit.</summary>
    public bool TryReadCount(int minElementSize, out uint count)
    {
        var start = Offset;
        if (!TryReadUInt32(out count))
        {
            return false;
        }

        Debug.Assert(minElementSize > 0, "Every XDR element takes at least one word.");
        if ((ulong)count * (ulong)minElementSize > (ulong)Remaining)
        {
            count = 0;
            return FailAt(SFlowErrorCode.CountOutOfRange, start);
        }

        return true;
    }

    /// <summary>Reads an sFlow <c>address</c>: a type word, then 4 (IPv4) or 16 (IPv6) bytes. Type 0 (unknown) yields an absent address.</summary>
    public bool TryReadAddress(out IpAddressValue address)
    {
        var start = Offset;
        if (!TryReadUInt32(out var type))
        {
            address = default;
            return false;
        }

        switch (type)
        {
            case 1:
                return TryReadIPv4(out address);
            case 2:
                return TryReadIPv6(out address);
            case 0:
                address = default;
                return true;
            default:
                address = default;
                return FailAt(SFlowErrorCode.UnknownAddressType, start);
        }
    }

    /// <summary>Reads a 4-byte IPv4 address.</summary>
    public bool TryReadIPv4(out IpAddressValue address)
    {
        if (TryReadFixed(4, out var field))
        {
            address = XdrFields.IPv4(field, 0);
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Reads a 16-byte IPv6 address.</summary>
    public bool TryReadIPv6(out IpAddressValue address)
    {
        if (TryReadFixed(16, out var field))
        {
            address = XdrFields.IPv6(field, 0);
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Rounds a length up to a multiple of four, as XDR pads every opaque.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Align4(int length) => (length + 3) & ~3;

    /// <summary>Rounds a length up to a multiple of four without overflowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Align4(uint length) => ((ulong)length + 3) & ~3UL;
}
