using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class ExtendedMplsTests
{
    [Fact]
    public void TryRead_Mpls_ReadsNextHopAndBothLabelStacksInOrder()
    {
        var encoded = FlowRecordEncoder.ExtendedMpls(Ip("10.20.30.40"), [0x0001_4140, 0x0002_8181], [0x0003_C1FF]);

        RecordDecoding.InFlowSample(encoded, record =>
        {
            Assert.True(record.TryRead<ExtendedMpls>(out var mpls, out _));
            Assert.Equal("10.20.30.40", mpls.NextHop.ToString());
            Assert.Equal(2, mpls.InLabels.Count);
            Assert.Equal(0x0001_4140u, mpls.InLabels[0]);
            Assert.Equal(0x0002_8181u, mpls.InLabels[1]);
            Assert.Equal(1, mpls.OutLabels.Count);
            Assert.Equal(0x0003_C1FFu, mpls.OutLabels[0]);
        });
    }

    [Fact]
    public void TryRead_MplsWithEmptyStacks_ReadsEmptyLists()
    {
        RecordDecoding.InFlowSample(FlowRecordEncoder.ExtendedMpls(Ip("::1"), [], []), record =>
        {
            Assert.True(record.TryRead<ExtendedMpls>(out var mpls, out _));
            Assert.Equal("::1", mpls.NextHop.ToString());
            Assert.Equal(0, mpls.InLabels.Count);
            Assert.Equal(0, mpls.OutLabels.Count);
        });
    }
}
