using System.Buffers.Binary;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Writes XDR (RFC 4506) data the way sFlow agents do: big-endian words, opaques padded with zeros to four bytes,
/// and tagged structures (<c>data_format</c>, length, data). The mirror of the decoder's <see cref="XdrReader"/>,
/// written from the specification rather than from the reader, so a round trip through both checks both.
/// </summary>
/// <remarks>Every method returns the writer, so calls chain. Nothing is validated: a test may write any bytes it likes.</remarks>
public sealed class XdrWriter
{
    private byte[] _buffer = new byte[256];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>Writes a 32-bit unsigned integer.</summary>
    public XdrWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);
        return this;
    }

    /// <summary>Writes a 32-bit signed integer.</summary>
    public XdrWriter WriteInt32(int value) => WriteUInt32(unchecked((uint)value));

    /// <summary>Writes a 64-bit unsigned integer (an XDR <c>unsigned hyper</c>).</summary>
    public XdrWriter WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(Grow(8), value);
        return this;
    }

    /// <summary>Writes an IEEE 754 single-precision float.</summary>
    public XdrWriter WriteSingle(float value) => WriteUInt32(BitConverter.SingleToUInt32Bits(value));

    /// <summary>Writes each value as a 32-bit word, without a count.</summary>
    public XdrWriter WriteUInt32s(params ReadOnlySpan<uint> values)
    {
        foreach (var value in values)
        {
            WriteUInt32(value);
        }

        return this;
    }

    /// <summary>Writes a counted list of 32-bit words (an XDR <c>unsigned int&lt;&gt;</c>).</summary>
    public XdrWriter WriteUInt32List(params ReadOnlySpan<uint> values) => WriteUInt32((uint)values.Length).WriteUInt32s(values);

    /// <summary>Writes bytes exactly as given: no length, no padding.</summary>
    public XdrWriter WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(bytes.Length));
        return this;
    }

    /// <summary>Writes a fixed-length opaque (<c>opaque[n]</c>): the bytes, then zeros up to a multiple of four.</summary>
    public XdrWriter WriteFixedOpaque(ReadOnlySpan<byte> bytes) => WriteRaw(bytes).WritePadding(bytes.Length);

    /// <summary>Writes a variable-length opaque or string (<c>opaque&lt;&gt;</c>): the length, the bytes, then padding.</summary>
    public XdrWriter WriteVariableOpaque(ReadOnlySpan<byte> bytes) => WriteUInt32((uint)bytes.Length).WriteFixedOpaque(bytes);

    /// <summary>Writes an sFlow <c>mac</c>: six bytes padded to eight.</summary>
    public XdrWriter WriteMac(MacAddress mac)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, mac.Value << 16);
        return WriteFixedOpaque(bytes[..6]);
    }

    /// <summary>Writes an address's bytes alone (4 or 16, nothing when absent), as the <c>ip_v4</c> and <c>ip_v6</c> fields carry them.</summary>
    public XdrWriter WriteAddressBytes(IpAddressValue address)
    {
        Span<byte> bytes = stackalloc byte[16];
        return WriteRaw(bytes[..address.WriteBytes(bytes)]);
    }

    /// <summary>Writes an sFlow <c>address</c>: type 1 and 4 bytes, type 2 and 16 bytes, or type 0 alone for an absent address.</summary>
    public XdrWriter WriteAddress(IpAddressValue address)
    {
        var type = address.Family switch
        {
            IpFamily.IPv4 => 1u,
            IpFamily.IPv6 => 2u,
            _ => 0u,
        };
        return WriteUInt32(type).WriteAddressBytes(address);
    }

    /// <summary>Writes a tagged structure: its data format, its declared length (the data length unless overridden), the data and its padding.</summary>
    public XdrWriter WriteStructure(SFlowStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var data = structure.Data.Span;
        return WriteUInt32(structure.DataFormat)
            .WriteUInt32(structure.DeclaredLength ?? (uint)data.Length)
            .WriteFixedOpaque(data);
    }

    /// <summary>Writes a 32-bit placeholder and returns its offset, for a value known only later (see <see cref="PatchUInt32"/>).</summary>
    public int ReserveUInt32()
    {
        var offset = Length;
        WriteUInt32(0);
        return offset;
    }

    /// <summary>Overwrites the 32-bit word at <paramref name="offset"/>.</summary>
    public XdrWriter PatchUInt32(int offset, uint value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Length - 4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(offset, 4), value);
        return this;
    }

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    private XdrWriter WritePadding(int length)
    {
        Grow((4 - (length % 4)) % 4).Clear();
        return this;
    }

    private Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
