using System.Buffers.Binary;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Builds the leading bytes of a packet, layer by layer, for raw packet header records. Each layer fills in the
/// field of the layer before it that names it (EtherType, IPv4 protocol, IPv6 next header), and <see cref="Build"/>
/// fills in the IPv4 total length, IPv6 payload length and UDP length from what follows. Checksums are left zero.
/// </summary>
/// <example>
/// <code>
/// byte[] frame = new PacketBuilder()
///     .Ethernet(TestAddresses.Mac("02:00:00:00:00:01"), TestAddresses.Mac("02:00:00:00:00:02"))
///     .Vlan(100, priority: 5)
///     .IPv4(TestAddresses.Ip("10.0.0.1"), TestAddresses.Ip("10.0.0.2"))
///     .Tcp(40000, 80, TcpControlBits.Syn)
///     .Build();
/// </code>
/// </example>
public sealed partial class PacketBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly List<LengthField> _lengthFields = [];
    private NextField? _pendingNext;

    private enum NextFieldKind
    {
        EtherType,
        IpProtocol,
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _bytes.Count;

    /// <summary>Appends bytes that name no protocol (application data, or any header this builder lacks).</summary>
    public PacketBuilder Payload(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Add(b);
        }

        return this;
    }

    /// <summary>Appends <paramref name="length"/> bytes of a counting pattern.</summary>
    public PacketBuilder Payload(int length)
    {
        for (var i = 0; i < length; i++)
        {
            _bytes.Add((byte)i);
        }

        return this;
    }

    /// <summary>The packet's bytes, with the length fields filled in.</summary>
    public byte[] Build()
    {
        var packet = _bytes.ToArray();
        foreach (var field in _lengthFields)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(field.Offset), (ushort)(packet.Length - field.CountFrom));
        }

        return packet;
    }

    /// <summary>
    /// Fills the pending protocol field of the layer before with this layer's number, and fails when the layer
    /// before cannot carry this one (a TCP header straight after Ethernet, say).
    /// </summary>
    private void LinkFromPrevious(string layer, ushort? etherType, byte? ipProtocol)
    {
        if (_pendingNext is not { } pending)
        {
            return;
        }

        _pendingNext = null;
        switch (pending.Kind)
        {
            case NextFieldKind.EtherType when etherType is { } type:
                _bytes[pending.Offset] = (byte)(type >> 8);
                _bytes[pending.Offset + 1] = (byte)type;
                break;
            case NextFieldKind.IpProtocol when ipProtocol is { } protocol:
                _bytes[pending.Offset] = protocol;
                break;
            default:
                throw new InvalidOperationException($"{layer} cannot follow a layer that names its payload by {pending.Kind}.");
        }
    }

    private void ExpectNext(NextFieldKind kind, int offset) => _pendingNext = new NextField(offset, kind);

    private void LengthFrom(int offset, int countFrom) => _lengthFields.Add(new LengthField(offset, countFrom));

    private void WriteByte(byte value) => _bytes.Add(value);

    private void WriteUInt16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
    }

    private void WriteUInt32(uint value)
    {
        WriteUInt16((ushort)(value >> 16));
        WriteUInt16((ushort)value);
    }

    private void WriteZeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes.Add(0);
        }
    }

    /// <summary>A field that names the next layer, filled in when that layer is appended.</summary>
    private readonly record struct NextField(int Offset, NextFieldKind Kind);

    /// <summary>A 16-bit length field: the packet's length from <c>CountFrom</c> to its end.</summary>
    private readonly record struct LengthField(int Offset, int CountFrom);
}
