using System.Text;
using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Counter records that describe an interface or a switch: 1, 2, 5, 7, 1001, 1004, 1005.</summary>
public class InterfaceCounterRecordTests
{
    [Fact]
    public void TryRead_GenericInterface_ReadsEveryField()
    {
        // 64-bit fields have distinct high and low words, so a 32-bit read or swapped halves shows.
        var expected = new GenericInterfaceCounters(
            101, 6, 0x0000_0002_540B_E400, 1, 3,
            0x0000_0011_2233_4455, 102, 103, 104, 105, 106, 107,
            0x0000_0066_7788_99AA, 108, 109, 110, 111, 112, 1);

        var decoded = RecordDecoding.DecodeCounter<GenericInterfaceCounters>(CounterRecordEncoder.GenericInterface(expected));

        Assert.Equal(expected, decoded);
        Assert.True(decoded.AdminUp);
        Assert.True(decoded.OperUp);
    }

    [Theory]
    [InlineData(0u, false, false)]
    [InlineData(1u, true, false)]
    [InlineData(2u, false, true)]
    public void AdminUpOperUp_StatusBits_ReadSeparately(uint status, bool adminUp, bool operUp)
    {
        var counters = new GenericInterfaceCounters(1, 6, 0, 0, status, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal(adminUp, counters.AdminUp);
        Assert.Equal(operUp, counters.OperUp);
    }

    [Fact]
    public void TryRead_Ethernet_ReadsEveryField()
    {
        var expected = new EthernetCounters(201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<EthernetCounters>(CounterRecordEncoder.Ethernet(expected)));
    }

    [Fact]
    public void TryRead_Vlan_ReadsEveryField()
    {
        var expected = new VlanCounters(4094, 0x0000_0123_4567_89AB, 301, 302, 303, 304);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<VlanCounters>(CounterRecordEncoder.Vlan(expected)));
    }

    [Fact]
    public void TryRead_Lacp_ReadsEveryField()
    {
        var expected = new LacpCounters(
            Mac("00:1b:21:3c:4d:5e"), Mac("a0:b1:c2:d3:e4:f5"), 401, 0x3D3F_0507, 402, 403, 404, 405, 406, 407, 408, 409);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<LacpCounters>(CounterRecordEncoder.Lacp(expected)));
    }

    [Fact]
    public void PortStateBytes_OnTheWire_ActorAdminFirst()
    {
        // dot3adAggPortState is opaque[4]: actor admin, actor oper, partner admin, partner oper, in that order.
        var encoded = SFlowStructure.Create((uint)CounterRecordFormat.Lacp, w => w
            .WriteMac(Mac("00:00:00:00:00:01")).WriteMac(Mac("00:00:00:00:00:02")).WriteUInt32(1)
            .WriteRaw([0x11, 0x22, 0x33, 0x44])
            .WriteUInt32s(0, 0, 0, 0, 0, 0, 0, 0));

        var decoded = RecordDecoding.DecodeCounter<LacpCounters>(encoded);

        Assert.Equal(0x11, decoded.ActorAdminState);
        Assert.Equal(0x22, decoded.ActorOperState);
        Assert.Equal(0x33, decoded.PartnerAdminState);
        Assert.Equal(0x44, decoded.PartnerOperState);
    }

    [Fact]
    public void TryRead_Processor_ReadsSignedPercentagesAndMemory()
    {
        var expected = new ProcessorCounters(1234, -1, 9999, 0x0000_0004_0000_0001, 0x0000_0001_8000_0002);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<ProcessorCounters>(CounterRecordEncoder.Processor(expected)));
    }

    [Fact]
    public void TryRead_OpenFlowPort_ReadsDatapathIdAndPort()
    {
        var expected = new OpenFlowPort(0x0011_2233_4455_6677, 0xFFFF_FFFE);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<OpenFlowPort>(CounterRecordEncoder.OpenFlowPort(expected)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("br0")]
    [InlineData("veth1234abcd")]
    public void TryRead_PortName_ReadsName(string name)
    {
        RecordDecoding.InCounterSample(CounterRecordEncoder.PortName(Encoding.UTF8.GetBytes(name)), record =>
        {
            Assert.True(record.TryRead<PortName>(out var portName, out _));
            Assert.Equal(name, Encoding.UTF8.GetString(portName.Name));
        });
    }
}
