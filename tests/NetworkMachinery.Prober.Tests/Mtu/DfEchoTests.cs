using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Prober.Probes.Mtu;

namespace NetworkMachinery.Prober.Tests.Mtu;

public sealed class DfEchoTests
{
    private static readonly IPAddress Destination = IPAddress.Parse("10.0.0.2");
    private static readonly IPAddress Router = IPAddress.Parse("10.0.0.1");

    [Fact]
    public void Request_HasTheSizeIdSequenceAndAValidChecksum()
    {
        var request = DfEcho.Request(AddressFamily.InterNetwork, 0x1234, 7, 1280);

        Assert.Equal(1280 - 20, request.Length);
        Assert.Equal(8, request[0]);
        Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4)));
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(6)));
        Assert.Equal(0, OnesComplementSum(request));
    }

    [Fact]
    public void Interpret_FragmentationNeededQuotingOurRequest_IsTooBigWithTheMtu()
    {
        var quoted = Ipv4(Router, Destination, DfEcho.Request(AddressFamily.InterNetwork, 9, 3, 1400)[..8]);
        var error = new byte[8 + quoted.Length];
        error[0] = 3;
        error[1] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(error.AsSpan(6), 1280);
        quoted.CopyTo(error, 8);

        var answer = DfEcho.Interpret(AddressFamily.InterNetwork, Ipv4(Router, Router, error), Router, Destination, 9, 3);

        Assert.Equal(new EchoAnswer(EchoAnswerKind.TooBig, 1280), answer);
        Assert.Null(DfEcho.Interpret(AddressFamily.InterNetwork, Ipv4(Router, Router, error), Router, Destination, 9, 4));
    }

    [Fact]
    public void Interpret_EchoReply_CountsOnlyFromTheDestinationWithOurIds()
    {
        var reply = DfEcho.Request(AddressFamily.InterNetwork, 9, 3, 100);
        reply[0] = 0;

        Assert.Equal(EchoAnswerKind.Reply, DfEcho.Interpret(AddressFamily.InterNetwork, Ipv4(Destination, Router, reply), Destination, Destination, 9, 3)?.Kind);
        Assert.Null(DfEcho.Interpret(AddressFamily.InterNetwork, Ipv4(Router, Router, reply), Router, Destination, 9, 3));
        Assert.Null(DfEcho.Interpret(AddressFamily.InterNetwork, Ipv4(Destination, Router, reply), Destination, Destination, 10, 3));
    }

    [Fact]
    public void Interpret_Ipv6PacketTooBig_IsTooBigWithTheMtu()
    {
        var quoted = new byte[40 + 8];
        quoted[0] = 0x60;
        DfEcho.Request(AddressFamily.InterNetworkV6, 5, 6, 1500).AsSpan(0, 8).CopyTo(quoted.AsSpan(40));
        var error = new byte[8 + quoted.Length];
        error[0] = 2;
        BinaryPrimitives.WriteUInt32BigEndian(error.AsSpan(4), 1400);
        quoted.CopyTo(error, 8);

        var answer = DfEcho.Interpret(AddressFamily.InterNetworkV6, error, IPAddress.Parse("fd00::1"), IPAddress.Parse("fd00::2"), 5, 6);

        Assert.Equal(new EchoAnswer(EchoAnswerKind.TooBig, 1400), answer);
    }

    private static byte[] Ipv4(IPAddress source, IPAddress destination, byte[] payload)
    {
        var packet = new byte[20 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[9] = 1;
        source.GetAddressBytes().CopyTo(packet, 12);
        destination.GetAddressBytes().CopyTo(packet, 16);
        payload.CopyTo(packet, 20);
        return packet;
    }

    private static int OnesComplementSum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i));
        }

        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (int)(~sum & 0xFFFF);
    }
}
