using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Prober.Probes.Icmp;

namespace NetworkMachinery.Prober.Probes.Mtu;

/// <summary>
/// The ICMP and ICMPv6 echo packets of the path MTU probe and the messages that answer them: echo replies, and the
/// errors that quote our request (fragmentation needed, packet too big, destination unreachable). The requests are
/// the ICMP probe's (<see cref="EchoMessages"/>); what answers them is read here, since the MTU an error carries
/// matters to this probe alone.
/// </summary>
internal static class DfEcho
{
    /// <summary>The IPv4 header without options, and the ICMP echo header.</summary>
    public const int Ipv4HeaderLength = 20;
    public const int Ipv6HeaderLength = 40;
    public const int EchoHeaderLength = 8;

    private const byte EchoRequestV4 = 8;
    private const byte EchoReplyV4 = 0;
    private const byte DestinationUnreachableV4 = 3;
    private const byte FragmentationNeeded = 4;
    private const byte EchoRequestV6 = 128;
    private const byte EchoReplyV6 = 129;
    private const byte DestinationUnreachableV6 = 1;
    private const byte PacketTooBig = 2;

    /// <summary>The IP header's length for <paramref name="family"/>.</summary>
    public static int IpHeaderLength(AddressFamily family) => family == AddressFamily.InterNetwork ? Ipv4HeaderLength : Ipv6HeaderLength;

    /// <summary>An echo request whose IP packet is <paramref name="packetSize"/> bytes long.</summary>
    public static byte[] Request(AddressFamily family, ushort id, ushort sequence, int packetSize)
    {
        var message = new byte[packetSize - IpHeaderLength(family)];
        EchoMessages.WriteRequest(message, ipv6: family != AddressFamily.InterNetwork, id, sequence);
        return message;
    }

    /// <summary>
    /// What a received packet says about our request <paramref name="id"/>/<paramref name="sequence"/>, or null when
    /// it is about something else. IPv4 raw sockets receive the IP header, IPv6 ones do not.
    /// </summary>
    public static EchoAnswer? Interpret(AddressFamily family, ReadOnlySpan<byte> packet, IPAddress from, IPAddress destination, ushort id, ushort sequence)
    {
        var v4 = family == AddressFamily.InterNetwork;
        if (v4)
        {
            if (packet.Length < Ipv4HeaderLength)
            {
                return null;
            }

            packet = packet[((packet[0] & 0xF) * 4)..];
        }

        if (packet.Length < EchoHeaderLength)
        {
            return null;
        }

        var type = packet[0];
        if (type == (v4 ? EchoReplyV4 : EchoReplyV6))
        {
            return from.Equals(destination) && IsOurs(packet, id, sequence) ? new EchoAnswer(EchoAnswerKind.Reply) : null;
        }

        var quoted = packet[EchoHeaderLength..];
        if (v4 && type == DestinationUnreachableV4 && QuotesOurs(quoted, true, id, sequence))
        {
            return packet[1] == FragmentationNeeded
                ? new EchoAnswer(EchoAnswerKind.TooBig, BinaryPrimitives.ReadUInt16BigEndian(packet[6..]))
                : new EchoAnswer(EchoAnswerKind.Unreachable, Reason: $"ICMP {UnreachableV4(packet[1])} from {from}");
        }

        if (!v4 && type == PacketTooBig && QuotesOurs(quoted, false, id, sequence))
        {
            return new EchoAnswer(EchoAnswerKind.TooBig, (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(packet[4..])));
        }

        return !v4 && type == DestinationUnreachableV6 && QuotesOurs(quoted, false, id, sequence)
            ? new EchoAnswer(EchoAnswerKind.Unreachable, Reason: $"ICMPv6 {UnreachableV6(packet[1])} from {from}")
            : null;
    }

    private static bool IsOurs(ReadOnlySpan<byte> echo, ushort id, ushort sequence) =>
        BinaryPrimitives.ReadUInt16BigEndian(echo[4..]) == id && BinaryPrimitives.ReadUInt16BigEndian(echo[6..]) == sequence;

    private static bool QuotesOurs(ReadOnlySpan<byte> quoted, bool v4, ushort id, ushort sequence)
    {
        int headerLength;
        if (v4)
        {
            if (quoted.Length < Ipv4HeaderLength)
            {
                return false;
            }

            headerLength = (quoted[0] & 0xF) * 4;
        }
        else
        {
            headerLength = Ipv6HeaderLength;
        }

        if (quoted.Length < headerLength + EchoHeaderLength)
        {
            return false;
        }

        var echo = quoted[headerLength..];
        return echo[0] == (v4 ? EchoRequestV4 : EchoRequestV6) && IsOurs(echo, id, sequence);
    }

    private static string UnreachableV4(byte code) => code switch
    {
        0 => "network unreachable",
        1 => "host unreachable",
        3 => "port unreachable",
        9 or 10 or 13 => "administratively prohibited",
        _ => $"destination unreachable (code {code})",
    };

    private static string UnreachableV6(byte code) => code switch
    {
        0 => "no route to destination",
        1 => "administratively prohibited",
        3 => "address unreachable",
        4 => "port unreachable",
        _ => $"destination unreachable (code {code})",
    };
}
