using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <content>IPv4, IPv6 and the IPv6 extension headers.</content>
public sealed partial class PacketBuilder
{
    /// <summary>Appends an IPv4 header; its protocol is the next layer's, its total length covers everything after it.</summary>
    /// <param name="source">Source address.</param>
    /// <param name="destination">Destination address.</param>
    /// <param name="ttl">Time to live.</param>
    /// <param name="tos">Type of service.</param>
    /// <param name="fragmentOffset">Fragment offset in 8-byte units; non-zero for every fragment but the first.</param>
    /// <param name="moreFragments">The MF flag: more fragments follow.</param>
    /// <param name="options">Option bytes, a multiple of 4 long; they raise the header length (IHL) above 5.</param>
    public PacketBuilder IPv4(
        IpAddressValue source,
        IpAddressValue destination,
        byte ttl = 64,
        byte tos = 0,
        ushort fragmentOffset = 0,
        bool moreFragments = false,
        byte[]? options = null)
    {
        options ??= [];
        if (source.Family != IpFamily.IPv4 || destination.Family != IpFamily.IPv4)
        {
            throw new ArgumentException("IPv4 needs IPv4 addresses.");
        }

        if (options.Length % 4 != 0 || options.Length > 40)
        {
            throw new ArgumentException("IPv4 options are a multiple of 4 bytes, at most 40.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(fragmentOffset, (ushort)0x1FFF);
        LinkFromPrevious("IPv4", etherType: PacketParser.EtherTypeIPv4, ipProtocol: 4);
        var start = Length;
        WriteByte((byte)(0x40 | (5 + (options.Length / 4))));
        WriteByte(tos);
        LengthFrom(Length, countFrom: start);
        WriteUInt16(0);
        WriteUInt16(0x1234); // identification
        WriteUInt16((ushort)((moreFragments ? 0x2000 : 0) | fragmentOffset));
        WriteByte(ttl);
        ExpectNext(NextFieldKind.IpProtocol, Length);
        WriteByte(0);
        WriteUInt16(0); // checksum
        WriteAddress(source);
        WriteAddress(destination);
        Payload(options);
        return this;
    }

    /// <summary>Appends an IPv6 header; its next header is the next layer's, its payload length covers everything after it.</summary>
    public PacketBuilder IPv6(IpAddressValue source, IpAddressValue destination, byte hopLimit = 64, byte trafficClass = 0, uint flowLabel = 0)
    {
        if (source.Family != IpFamily.IPv6 || destination.Family != IpFamily.IPv6)
        {
            throw new ArgumentException("IPv6 needs IPv6 addresses.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(flowLabel, 0xF_FFFFu);
        LinkFromPrevious("IPv6", etherType: PacketParser.EtherTypeIPv6, ipProtocol: 41);
        var start = Length;
        WriteUInt32((6u << 28) | ((uint)trafficClass << 20) | flowLabel);
        LengthFrom(Length, countFrom: start + 40);
        WriteUInt16(0);
        ExpectNext(NextFieldKind.IpProtocol, Length);
        WriteByte(0);
        WriteByte(hopLimit);
        WriteAddress(source);
        WriteAddress(destination);
        return this;
    }

    /// <summary>Appends an IPv6 hop-by-hop options header (next header 0) of <paramref name="length"/> bytes, a multiple of 8.</summary>
    public PacketBuilder HopByHopOptions(int length = 8) => OptionsHeader("Hop-by-hop options", 0, length);

    /// <summary>Appends an IPv6 destination options header (next header 60) of <paramref name="length"/> bytes, a multiple of 8.</summary>
    public PacketBuilder DestinationOptions(int length = 8) => OptionsHeader("Destination options", 60, length);

    /// <summary>Appends an IPv6 routing header (next header 43) of <paramref name="length"/> bytes, a multiple of 8.</summary>
    public PacketBuilder RoutingHeader(byte routingType = 4, byte segmentsLeft = 0, int length = 24)
    {
        var start = ExtensionHeader("Routing header", 43, length);
        _bytes[start + 2] = routingType;
        _bytes[start + 3] = segmentsLeft;
        return this;
    }

    /// <summary>Appends an IPv6 fragment header (next header 44).</summary>
    /// <param name="fragmentOffset">Offset in 8-byte units; 0 for the first fragment, which still carries the transport header.</param>
    /// <param name="moreFragments">The M flag.</param>
    /// <param name="identification">The fragment identification.</param>
    public PacketBuilder IPv6Fragment(ushort fragmentOffset, bool moreFragments, uint identification = 0xCAFE)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fragmentOffset, (ushort)0x1FFF);
        LinkFromPrevious("Fragment header", etherType: null, ipProtocol: 44);
        ExpectNext(NextFieldKind.IpProtocol, Length);
        WriteByte(0);
        WriteByte(0);
        WriteUInt16((ushort)((fragmentOffset << 3) | (moreFragments ? 1 : 0)));
        WriteUInt32(identification);
        return this;
    }

    /// <summary>Appends an IPsec authentication header (next header 51) of <paramref name="length"/> bytes, a multiple of 4 and at least 12.</summary>
    public PacketBuilder AuthenticationHeader(int length = 16)
    {
        if (length < 12 || length % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "An authentication header is a multiple of 4 bytes, at least 12.");
        }

        LinkFromPrevious("Authentication header", etherType: null, ipProtocol: 51);
        ExpectNext(NextFieldKind.IpProtocol, Length);
        WriteByte(0);
        WriteByte((byte)((length / 4) - 2)); // AH counts 4-byte words, minus 2
        WriteZeros(length - 2);
        return this;
    }

    private PacketBuilder OptionsHeader(string name, byte type, int length)
    {
        var start = ExtensionHeader(name, type, length);

        // One PadN option fills the header, so the options are well formed.
        _bytes[start + 2] = 1;
        _bytes[start + 3] = (byte)(length - 4);
        return this;
    }

    /// <summary>Writes a next-header byte, the length in 8-byte units minus 1, and zeros; returns the header's offset.</summary>
    private int ExtensionHeader(string name, byte type, int length)
    {
        if (length < 8 || length % 8 != 0 || length > 2048)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"{name} is a multiple of 8 bytes, 8 to 2048.");
        }

        LinkFromPrevious(name, etherType: null, ipProtocol: type);
        var start = Length;
        ExpectNext(NextFieldKind.IpProtocol, start);
        WriteByte(0);
        WriteByte((byte)((length / 8) - 1));
        WriteZeros(length - 2);
        return start;
    }

    private void WriteAddress(IpAddressValue address)
    {
        Span<byte> bytes = stackalloc byte[16];
        Payload(bytes[..address.WriteBytes(bytes)]);
    }
}
