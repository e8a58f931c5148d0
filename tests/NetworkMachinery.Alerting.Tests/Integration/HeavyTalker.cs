using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Testing.SFlow;

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
        _socket.SendTo(TalkerDatagram.Build(Source, Destination, ++Sent, samplingRate: 100), _collector);
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
