using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Accounting;

public class AgentTableTests
{
    [Fact]
    public void Get_SameKey_ReturnsSameState()
    {
        var table = new AgentTable(10);
        var key = new AgentKey(IpAddressValue.FromIPv4(0x0A000001), 2);

        Assert.Same(table.Get(key), table.Get(key));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Get_SubAgentsOfOneAgent_AreSeparateStreams()
    {
        var table = new AgentTable(10);
        var address = IpAddressValue.FromIPv4(0x0A000001);

        Assert.NotSame(table.Get(new AgentKey(address, 0)), table.Get(new AgentKey(address, 1)));
    }

    [Fact]
    public void Get_TableFull_ReturnsNullAndCountsUntracked()
    {
        var table = new AgentTable(2);
        table.Get(new AgentKey(IpAddressValue.FromIPv4(1), 0));
        table.Get(new AgentKey(IpAddressValue.FromIPv4(2), 0));

        Assert.Null(table.Get(new AgentKey(IpAddressValue.FromIPv4(3), 0)));
        Assert.NotNull(table.Get(new AgentKey(IpAddressValue.FromIPv4(1), 0)));
        Assert.Equal(1, table.Untracked);
        Assert.Equal(2, table.Snapshot().Count);
    }
}
