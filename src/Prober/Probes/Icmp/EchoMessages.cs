using System.Buffers.Binary;
using System.Net;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// ICMP and ICMPv6 echo messages: writing a request, and recognising what a raw socket receives as the reply to one of
/// ours (by identifier and sequence, from the target) or as an ICMP error about one of ours (the error quotes the
/// request's IP header and first 8 bytes, which hold the identifier and sequence).
/// </summary>
internal static class EchoMessages
{
    /// <summary>The ICMP header: type, code, checksum, identifier, sequence.</summary>
    public const int HeaderSize = 8;

    private const byte EchoReplyV4 = 0;
    private const byte DestinationUnreachableV4 = 3;
    private const byte EchoRequestV4 = 8;
    private const byte TimeExceededV4 = 11;
    private const byte DestinationUnreachableV6 = 1;
    private const byte TimeExceededV6 = 3;
    private const byte EchoRequestV6 = 128;
    private const byte EchoReplyV6 = 129;
    private const int Ipv6HeaderSize = 40;
    private const byte ProtocolIcmp = 1;
    private const byte NextHeaderIcmpV6 = 58;

    /// <summary>The ICMP types a raw IPv4 socket must let through: echo reply and the errors about a request.</summary>
    public static ReadOnlySpan<byte> AcceptedTypesV4 => [EchoReplyV4, DestinationUnreachableV4, TimeExceededV4];

    /// <summary>The ICMPv6 types a raw IPv6 socket must let through.</summary>
    public static ReadOnlySpan<byte> AcceptedTypesV6 => [EchoReplyV6, DestinationUnreachableV6, TimeExceededV6];

    /// <summary>
    /// Writes an echo request into <paramref name="message"/> (header and payload: all of it). The IPv4 checksum is
    /// computed here; the kernel computes ICMPv6's, which covers a pseudo-header only it knows for sure.
    /// </summary>
    public static void WriteRequest(Span<byte> message, bool ipv6, ushort identifier, ushort sequence)
    {
        message[0] = ipv6 ? EchoRequestV6 : EchoRequestV4;
        message[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(message[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(message[6..], sequence);
        for (var i = HeaderSize; i < message.Length; i++)
        {
            message[i] = (byte)i;
        }

        if (!ipv6)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message[2..], Checksum(message));
        }
    }

    /// <summary>
    /// Finds the identifier and sequence of the echo request that what a raw socket received answers (an echo reply)
    /// or is about (an ICMP error quoting the request), to pick the waiting probe; <see cref="TryRead"/> then checks
    /// the rest against that probe's target. An IPv4 raw socket receives the IP header too; an IPv6 one does not.
    /// </summary>
    public static bool TryReadKey(ReadOnlySpan<byte> received, bool ipv6, out ushort identifier, out ushort sequence)
    {
        identifier = sequence = 0;
        if (!ipv6)
        {
            if (received.Length < 20 || received.Length < IpHeaderLength(received) + HeaderSize)
            {
                return false;
            }

            received = received[IpHeaderLength(received)..];
        }

        if (received.Length < HeaderSize)
        {
            return false;
        }

        var echo = received;
        if (received[0] != (ipv6 ? EchoReplyV6 : EchoReplyV4))
        {
            // An error: the quoted request follows the ICMP header and the quoted IP header.
            var quoted = received[HeaderSize..];
            var quotedHeader = ipv6 ? Ipv6HeaderSize : quoted.Length < 20 ? int.MaxValue : IpHeaderLength(quoted);
            if (quoted.Length < quotedHeader || quoted.Length - quotedHeader < HeaderSize)
            {
                return false;
            }

            echo = quoted[quotedHeader..];
        }

        identifier = BinaryPrimitives.ReadUInt16BigEndian(echo[4..]);
        sequence = BinaryPrimitives.ReadUInt16BigEndian(echo[6..]);
        return true;
    }

    /// <summary>
    /// Reads what a raw socket received from <paramref name="from"/>: true when it is the reply to, or an ICMP error
    /// about, our request <paramref name="identifier"/> to <paramref name="target"/>. <paramref name="error"/> is the
    /// error's reason, <c>null</c> for a reply. An IPv4 raw socket receives the IP header too; an IPv6 one does not.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> received, bool ipv6, IPAddress target, IPAddress from, ushort identifier, out ushort sequence, out string? error)
    {
        sequence = 0;
        error = null;
        ReadOnlySpan<byte> icmp;
        if (ipv6)
        {
            icmp = received;
        }
        else
        {
            if (received.Length < 20 || received.Length < IpHeaderLength(received) + HeaderSize)
            {
                return false;
            }

            icmp = received[IpHeaderLength(received)..];
        }

        if (icmp.Length < HeaderSize)
        {
            return false;
        }

        byte type = icmp[0], code = icmp[1];
        if (type == (ipv6 ? EchoReplyV6 : EchoReplyV4))
        {
            sequence = BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]);
            return BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]) == identifier && from.Equals(target);
        }

        var quoted = icmp[HeaderSize..];
        if (!(ipv6 ? QuotesOurRequestV6(quoted, target, identifier, out sequence) : QuotesOurRequestV4(quoted, target, identifier, out sequence)))
        {
            return false;
        }

        error = $"ICMP {(ipv6 ? DescribeV6(type, code) : DescribeV4(type, code))} from {from}";
        return true;
    }

    private static bool QuotesOurRequestV4(ReadOnlySpan<byte> quoted, IPAddress target, ushort identifier, out ushort sequence)
    {
        sequence = 0;
        if (quoted.Length < 20 || quoted.Length < IpHeaderLength(quoted) + HeaderSize || quoted[9] != ProtocolIcmp
            || !IsAddress(quoted[16..20], target))
        {
            return false;
        }

        var request = quoted[IpHeaderLength(quoted)..];
        sequence = BinaryPrimitives.ReadUInt16BigEndian(request[6..]);
        return request[0] == EchoRequestV4 && BinaryPrimitives.ReadUInt16BigEndian(request[4..]) == identifier;
    }

    private static bool QuotesOurRequestV6(ReadOnlySpan<byte> quoted, IPAddress target, ushort identifier, out ushort sequence)
    {
        sequence = 0;
        if (quoted.Length < Ipv6HeaderSize + HeaderSize || quoted[6] != NextHeaderIcmpV6 || !IsAddress(quoted[24..40], target))
        {
            return false;
        }

        var request = quoted[Ipv6HeaderSize..];
        sequence = BinaryPrimitives.ReadUInt16BigEndian(request[6..]);
        return request[0] == EchoRequestV6 && BinaryPrimitives.ReadUInt16BigEndian(request[4..]) == identifier;
    }

    private static int IpHeaderLength(ReadOnlySpan<byte> packet) => (packet[0] & 0x0F) * 4;

    private static bool IsAddress(ReadOnlySpan<byte> bytes, IPAddress address)
    {
        Span<byte> expected = stackalloc byte[16];
        return address.TryWriteBytes(expected, out var written) && written == bytes.Length && bytes.SequenceEqual(expected[..written]);
    }

    private static string DescribeV4(byte type, byte code) => type == TimeExceededV4
        ? "time to live exceeded"
        : code switch
        {
            0 => "network unreachable",
            1 => "host unreachable",
            2 => "protocol unreachable",
            3 => "port unreachable",
            4 => "fragmentation needed",
            9 => "network administratively prohibited",
            10 => "host administratively prohibited",
            13 => "administratively prohibited",
            _ => $"destination unreachable (code {code})",
        };

    private static string DescribeV6(byte type, byte code) => type == TimeExceededV6
        ? "hop limit exceeded"
        : code switch
        {
            0 => "no route to destination",
            1 => "administratively prohibited",
            3 => "address unreachable",
            4 => "port unreachable",
            5 => "source address failed ingress/egress policy",
            6 => "reject route to destination",
            _ => $"destination unreachable (code {code})",
        };

    // RFC 1071: the ones' complement of the ones' complement sum of the 16-bit words.
    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
