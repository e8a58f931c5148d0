using System.Net;
using System.Net.Sockets;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// A synthetic sFlow exporter on loopback reporting one heavy talker: one sampled 1500-byte UDP frame per datagram at
/// 1 in 100, from <see cref="Source"/> to <see cref="Destination"/>; sent every 100 ms that stands for 1.5 MB/s.
/// </summary>
internal sealed class HeavyTalker(int collectorPort) : IDisposable
{
    public static readonly IPAddress Source = IPAddress.Parse("10.80.0.1");
    public static readonly IPAddress Destination = IPAddress.Parse("10.80.0.2");
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _collector = new(IPAddress.Loopback, collectorPort);

    /// <summary>Datagrams sent so far.</summary>
    public uint Sent { get; private set; }

    /// <summary>Sends the next datagram.</summary>
    public void Send()
    {
        var sequence = ++Sent;
        var frame = new PacketBuilder().Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02"))
            .IPv4(Ip(Source.ToString()), Ip(Destination.ToString())).Udp(40000, 5001).Payload(64).Build();
        var datagram = new SFlowDatagramBuilder().Agent(Ip("127.0.0.1")).SequenceNumber(sequence)
            .FlowSample(s => s.SequenceNumber(sequence).Source(0, 1).SamplingRate(100).Input(1).Output(2)
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1500, 4, frame)))
            .Build();
        _socket.SendTo(datagram, _collector);
    }

    /// <summary>Sends a datagram every 100 ms until <paramref name="done"/> or the timeout; whether it was done.</summary>
    public async Task<bool> SendUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Send();
            if (done())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return done();
    }

    public void Dispose() => _socket.Dispose();
}
