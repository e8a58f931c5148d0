using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>The host structures, records 2000-2010.</summary>
public class HostRecordTests
{
    private static readonly HostCpu Cpu = new(
        0.25f, 1.5f, 2.75f, 4, 512, 8, 2900, 86_401,
        1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012);

    [Fact]
    public void TryRead_HostDescription_ReadsEveryField()
    {
        var uuid = new Guid("0123abcd-4567-89ef-fedc-ba9876543210");
        var encoded = CounterRecordEncoder.HostDescription("compute-7.example"u8, uuid, 3, 2, "6.1.0-13-amd64"u8);

        RecordDecoding.InCounterSample(encoded, record =>
        {
            Assert.True(record.TryRead<HostDescription>(out var host, out _));
            Assert.Equal("compute-7.example"u8.ToArray(), host.Hostname.ToArray());
            Assert.Equal(uuid, host.UuidValue);

            // The UUID's bytes are in RFC 4122 text order on the wire.
            Assert.Equal(Convert.FromHexString("0123abcd456789effedcba9876543210"), host.Uuid.ToArray());
            Assert.Equal(3u, host.MachineType);
            Assert.Equal(2u, host.OsName);
            Assert.Equal("6.1.0-13-amd64"u8.ToArray(), host.OsRelease.ToArray());
        });
    }

    [Fact]
    public void TryRead_HostAdapters_ReadsEachAdapterAndItsMacs()
    {
        var encoded = CounterRecordEncoder.HostAdapters([
            new HostAdapterValue(11, [Mac("02:00:00:00:0b:01")]),
            new HostAdapterValue(12, []),
            new HostAdapterValue(13, [Mac("02:00:00:00:0d:01"), Mac("02:00:00:00:0d:02"), Mac("02:00:00:00:0d:03")]),
        ]);

        RecordDecoding.InCounterSample(encoded, record =>
        {
            Assert.True(record.TryRead<HostAdapters>(out var adapters, out _));
            Assert.Equal(3, adapters.Count);
            var seen = new List<string>();
            foreach (var adapter in adapters)
            {
                var macs = new List<string>();
                for (var i = 0; i < adapter.MacCount; i++)
                {
                    macs.Add(adapter.GetMac(i).ToString());
                }

                seen.Add($"{adapter.IfIndex}={string.Join(',', macs)}");
            }

            Assert.Equal(["11=02:00:00:00:0b:01", "12=", "13=02:00:00:00:0d:01,02:00:00:00:0d:02,02:00:00:00:0d:03"], seen);
        });
    }

    [Fact]
    public void GetMac_PastTheLast_ThrowsArgumentOutOfRange()
    {
        var encoded = CounterRecordEncoder.HostAdapters([new HostAdapterValue(1, [Mac("02:00:00:00:00:01")])]);
        var thrown = false;

        RecordDecoding.InCounterSample(encoded, record =>
        {
            record.TryRead<HostAdapters>(out var adapters, out _);
            foreach (var adapter in adapters)
            {
                try
                {
                    adapter.GetMac(1);
                }
                catch (ArgumentOutOfRangeException)
                {
                    thrown = true;
                }
            }
        });

        Assert.True(thrown);
    }

    [Fact]
    public void TryRead_HostParent_ReadsTypeAndIndex()
    {
        var expected = new HostParent(2, 0x0001_0002);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<HostParent>(CounterRecordEncoder.HostParent(expected)));
    }

    [Fact]
    public void TryRead_HostCpuRevisedLayout_ReadsEveryField()
    {
        Assert.Equal(Cpu, RecordDecoding.DecodeCounter<HostCpu>(CounterRecordEncoder.HostCpu(Cpu)));
    }

    [Fact]
    public void TryRead_HostCpuOriginal68ByteLayout_ReadsFieldsAndLeavesLaterOnesZero()
    {
        var encoded = CounterRecordEncoder.HostCpu(Cpu, originalLayout: true);

        var decoded = RecordDecoding.DecodeCounter<HostCpu>(encoded);

        Assert.Equal(68, encoded.Data.Length);
        Assert.Equal(Cpu with { CpuSteal = 0, CpuGuest = 0, CpuGuestNice = 0 }, decoded);
    }

    [Fact]
    public void TryRead_HostMemory_ReadsEveryField()
    {
        var expected = new HostMemory(
            0x0000_0004_0000_0001, 0x0000_0002_0000_0002, 0x0000_0001_0000_0003, 0x0000_0000_8000_0004,
            0x0000_0003_0000_0005, 0x0000_0002_8000_0006, 0x0000_0001_8000_0007, 2001, 2002, 2003, 2004);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<HostMemory>(CounterRecordEncoder.HostMemory(expected)));
    }

    [Fact]
    public void TryRead_HostDiskIo_ReadsEveryField()
    {
        var expected = new HostDiskIo(
            0x0000_00E8_D4A5_1000, 0x0000_0074_6A52_8800, 8765, 3001,
            0x0000_0001_0000_0010, 3002, 3003, 0x0000_0002_0000_0020, 3004);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<HostDiskIo>(CounterRecordEncoder.HostDiskIo(expected)));
    }

    [Fact]
    public void TryRead_HostNetIo_ReadsEveryField()
    {
        var expected = new HostNetIo(0x0000_0001_0000_0001, 4001, 4002, 4003, 0x0000_0002_0000_0002, 4004, 4005, 4006);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<HostNetIo>(CounterRecordEncoder.HostNetIo(expected)));
    }

    [Fact]
    public void TryRead_Mib2Ip_ReadsEveryField()
    {
        var expected = new Mib2IpGroup(
            2, 64, 5003, 5004, 5005, 5006, 5007, 5008, 5009, 5010,
            5011, 5012, 5013, 5014, 5015, 5016, 5017, 5018, 5019);

        var encoded = CounterRecordEncoder.Mib2Ip(expected);

        Assert.Equal(Mib2IpGroup.FieldCount * 4, encoded.Data.Length);
        Assert.Equal(expected, RecordDecoding.DecodeCounter<Mib2IpGroup>(encoded));
    }

    [Fact]
    public void TryRead_Mib2Icmp_ReadsEveryField()
    {
        var expected = new Mib2IcmpGroup(
            6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008, 6009, 6010, 6011, 6012, 6013,
            6014, 6015, 6016, 6017, 6018, 6019, 6020, 6021, 6022, 6023, 6024, 6025);

        var encoded = CounterRecordEncoder.Mib2Icmp(expected);

        Assert.Equal(Mib2IcmpGroup.FieldCount * 4, encoded.Data.Length);
        Assert.Equal(expected, RecordDecoding.DecodeCounter<Mib2IcmpGroup>(encoded));
    }

    [Fact]
    public void TryRead_Mib2Tcp_ReadsEveryField()
    {
        var expected = new Mib2TcpGroup(4, 200, 120_000, 0xFFFF_FFFF, 7005, 7006, 7007, 7008, 7009, 7010, 7011, 7012, 7013, 7014, 7015);

        var encoded = CounterRecordEncoder.Mib2Tcp(expected);

        Assert.Equal(Mib2TcpGroup.FieldCount * 4, encoded.Data.Length);
        Assert.Equal(expected, RecordDecoding.DecodeCounter<Mib2TcpGroup>(encoded));
    }

    [Fact]
    public void TryRead_Mib2Udp_ReadsEveryField()
    {
        var expected = new Mib2UdpGroup(8001, 8002, 8003, 8004, 8005, 8006, 8007);

        var encoded = CounterRecordEncoder.Mib2Udp(expected);

        Assert.Equal(Mib2UdpGroup.FieldCount * 4, encoded.Data.Length);
        Assert.Equal(expected, RecordDecoding.DecodeCounter<Mib2UdpGroup>(encoded));
    }
}
