using NetworkMachinery.Collector.Ingest;

namespace NetworkMachinery.Collector.Tests.Ingest;

public class KernelSocketDropsTests
{
    // Real lines from /proc/net/udp6 (inode column 10, drops last).
    private const string Ours = "  573: 00000000000000000000000000000000:18BF 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 424242 2 0000000000000000 1234";
    private const string Theirs = "  574: 00000000000000000000000000000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 777 2 0000000000000000 99";

    [Fact]
    public void ParseDrops_OurInode_ReturnsDropsColumn()
    {
        Assert.Equal(1234, KernelSocketDrops.ParseDrops(Ours, new HashSet<long> { 424242 }));
    }

    [Fact]
    public void ParseDrops_OtherInode_ReturnsZero()
    {
        Assert.Equal(0, KernelSocketDrops.ParseDrops(Theirs, new HashSet<long> { 424242 }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops")]
    [InlineData("garbage")]
    public void ParseDrops_NotARow_ReturnsZero(string line)
    {
        Assert.Equal(0, KernelSocketDrops.ParseDrops(line, new HashSet<long> { 424242 }));
    }

    [Fact]
    public void Read_RealSocket_FindsItsInodeAndReportsNoDrops()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var drops = new KernelSocketDrops([(int)socket.SafeHandle.DangerousGetHandle()]);

        Assert.Equal(0, drops.Read());
    }

    [Fact]
    public void Read_SocketThatIsNeverRead_ReportsTheDatagramsTheKernelDropped()
    {
        using var receiver = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        receiver.ReceiveBufferSize = 4096;
        receiver.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        using var sender = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        var drops = new KernelSocketDrops([(int)receiver.SafeHandle.DangerousGetHandle()]);
        var datagram = new byte[1200];

        for (var i = 0; i < 200; i++)
        {
            sender.SendTo(datagram, receiver.LocalEndPoint!);
        }

        // The buffer holds a few datagrams at most; the kernel drops the rest and says so in /proc/net/udp.
        Assert.InRange(drops.Read(), 150, 200);
    }
}
