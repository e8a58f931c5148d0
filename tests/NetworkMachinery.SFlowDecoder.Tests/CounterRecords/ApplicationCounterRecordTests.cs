using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Records 2203 (app_resources) and 2207 (Open vSwitch ovs_dp_stats).</summary>
public class ApplicationCounterRecordTests
{
    [Fact]
    public void TryRead_AppResources_ReadsEveryField()
    {
        var expected = new AppResources(9001, 9002, 0x0000_0001_0000_0003, 0x0000_0002_0000_0004, 9005, 9006, 9007, 9008);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<AppResources>(CounterRecordEncoder.AppResources(expected)));
    }

    [Fact]
    public void TryRead_OvsDatapath_ReadsEveryField()
    {
        var expected = new OvsDatapath(10_001, 10_002, 10_003, 10_004, 10_005, 10_006);

        Assert.Equal(expected, RecordDecoding.DecodeCounter<OvsDatapath>(CounterRecordEncoder.OvsDatapath(expected)));
    }
}
