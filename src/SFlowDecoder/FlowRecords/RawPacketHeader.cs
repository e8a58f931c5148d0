namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1 (<c>sampled_header</c>): the leading bytes of the sampled packet.</summary>
public readonly ref struct RawPacketHeader : ISFlowRecord<RawPacketHeader>
{
    private RawPacketHeader(HeaderProtocol protocol, uint frameLength, uint stripped, ReadOnlySpan<byte> header)
    {
        Protocol = protocol;
        FrameLength = frameLength;
        Stripped = stripped;
        Header = header;
    }

    /// <summary>The protocol the header bytes start with.</summary>
    public HeaderProtocol Protocol { get; }

    /// <summary>The length of the original packet on the wire, before sampling.</summary>
    public uint FrameLength { get; }

    /// <summary>Bytes the agent removed from the packet before the header (such as the Ethernet FCS).</summary>
    public uint Stripped { get; }

    /// <summary>The header bytes.</summary>
    public ReadOnlySpan<byte> Header { get; }

    /// <summary>Parses the header bytes as far as they go; see <see cref="PacketParser"/>.</summary>
    public ParsedPacket Parse() => PacketParser.Parse(Protocol, Header);

    /// <summary>Parses the header bytes into <paramref name="packet"/>, which is cleared first.</summary>
    public void Parse(ref ParsedPacket packet) => PacketParser.Parse(Protocol, Header, ref packet);

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out RawPacketHeader value)
    {
        value = default;
        if (!reader.TryReadFixed(12, out var fields))
        {
            return false;
        }

        var protocol = (HeaderProtocol)XdrFields.UInt32(fields, 0);
        var frameLength = XdrFields.UInt32(fields, 4);
        var stripped = XdrFields.UInt32(fields, 8);
        if (!reader.TryReadVariableOpaque(uint.MaxValue, out var header))
        {
            return false;
        }

        value = new RawPacketHeader(protocol, frameLength, stripped, header);
        return true;
    }
}
