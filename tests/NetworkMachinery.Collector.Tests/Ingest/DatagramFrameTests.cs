using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Ingest;

public class DatagramFrameTests
{
    [Fact]
    public void WriteHeader_IPv4Sender_RoundTrips()
    {
        var frame = new byte[DatagramFrame.HeaderSize];
        var sockaddr = new SocketAddress(AddressFamily.InterNetwork);
        var endpoint = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 40123);
        endpoint.Serialize().Buffer.Span.CopyTo(sockaddr.Buffer.Span);

        DatagramFrame.WriteHeader(frame, 1300, sockaddr.Buffer.Span[..16], 1_700_000_000_000_000_001);

        Assert.Equal(1300, DatagramFrame.ReadPayloadLength(frame));
        Assert.Equal(1_700_000_000_000_000_001, DatagramFrame.ReadReceivedUnixNs(frame));
        var (address, port) = DatagramFrame.ReadSender(frame);
        Assert.Equal(IpAddressValue.FromIPAddress(endpoint.Address), address);
        Assert.Equal(40123, port);
    }

    [Fact]
    public void WriteHeader_IPv6AndMappedSenders_RoundTrip()
    {
        foreach (var (text, expected) in new[] { ("2001:db8::5", "2001:db8::5"), ("::ffff:198.51.100.9", "198.51.100.9") })
        {
            var frame = new byte[DatagramFrame.HeaderSize];
            var endpoint = new IPEndPoint(IPAddress.Parse(text), 6343);

            DatagramFrame.WriteHeader(frame, 9, endpoint.Serialize().Buffer.Span, 0);

            var (address, port) = DatagramFrame.ReadSender(frame);
            Assert.Equal(expected, address.ToString());
            Assert.Equal(6343, port);
        }
    }
}
