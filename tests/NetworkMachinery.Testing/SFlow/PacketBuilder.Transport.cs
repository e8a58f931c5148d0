namespace NetworkMachinery.Testing.SFlow;

/// <content>TCP, UDP, SCTP, ICMP and ICMPv6.</content>
public sealed partial class PacketBuilder
{
    /// <summary>Appends a 20-byte TCP header (protocol 6).</summary>
    public PacketBuilder Tcp(ushort sourcePort, ushort destinationPort, TcpControlBits flags = TcpControlBits.None, uint sequence = 1000, ushort window = 65535)
    {
        LinkFromPrevious("TCP", etherType: null, ipProtocol: 6);
        WriteUInt16(sourcePort);
        WriteUInt16(destinationPort);
        WriteUInt32(sequence);
        WriteUInt32(0); // acknowledgement
        WriteByte((byte)((5 << 4) | ((ushort)flags >> 8))); // data offset 5 words; NS is the byte's low bit
        WriteByte((byte)flags);
        WriteUInt16(window);
        WriteUInt16(0); // checksum
        WriteUInt16(0); // urgent pointer
        return this;
    }

    /// <summary>Appends an 8-byte UDP header (protocol 17); its length covers everything after it.</summary>
    public PacketBuilder Udp(ushort sourcePort, ushort destinationPort)
    {
        LinkFromPrevious("UDP", etherType: null, ipProtocol: 17);
        var start = Length;
        WriteUInt16(sourcePort);
        WriteUInt16(destinationPort);
        LengthFrom(Length, countFrom: start);
        WriteUInt16(0);
        WriteUInt16(0); // checksum
        return this;
    }

    /// <summary>Appends a 12-byte SCTP common header (protocol 132).</summary>
    public PacketBuilder Sctp(ushort sourcePort, ushort destinationPort, uint verificationTag = 0x0BADF00D)
    {
        LinkFromPrevious("SCTP", etherType: null, ipProtocol: 132);
        WriteUInt16(sourcePort);
        WriteUInt16(destinationPort);
        WriteUInt32(verificationTag);
        WriteUInt32(0); // checksum
        return this;
    }

    /// <summary>Appends an 8-byte ICMP header (protocol 1): type, code, checksum, and identifier and sequence (zero).</summary>
    public PacketBuilder Icmp(byte type, byte code) => IcmpHeader("ICMP", 1, type, code);

    /// <summary>Appends an 8-byte ICMPv6 header (next header 58).</summary>
    public PacketBuilder IcmpV6(byte type, byte code) => IcmpHeader("ICMPv6", 58, type, code);

    private PacketBuilder IcmpHeader(string name, byte protocol, byte type, byte code)
    {
        LinkFromPrevious(name, etherType: null, ipProtocol: protocol);
        WriteByte(type);
        WriteByte(code);
        WriteZeros(6);
        return this;
    }
}
