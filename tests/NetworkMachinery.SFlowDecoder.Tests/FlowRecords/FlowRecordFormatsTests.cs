namespace NetworkMachinery.SFlow.Tests;

public class FlowRecordFormatsTests
{
    [Fact]
    public void IsKnown_EveryEnumValue_True()
    {
        Assert.Equal(21, FlowRecordFormats.All.Count);
        Assert.All(FlowRecordFormats.All, format => Assert.True(FlowRecordFormats.IsKnown(format)));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(5u)]
    [InlineData(1000u)]
    [InlineData(1008u)]
    [InlineData(1020u)]
    [InlineData(1031u)]
    [InlineData((4413u << 12) | 1)]
    public void IsKnown_FormatsOutsideTheSupportedRanges_False(uint format) =>
        Assert.False(FlowRecordFormats.IsKnown((FlowRecordFormat)format));
}
