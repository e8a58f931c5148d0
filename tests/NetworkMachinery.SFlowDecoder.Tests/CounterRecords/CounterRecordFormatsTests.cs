namespace NetworkMachinery.SFlow.Tests;

public class CounterRecordFormatsTests
{
    [Fact]
    public void IsKnown_EveryEnumValue_True()
    {
        Assert.Equal(20, CounterRecordFormats.All.Count);
        Assert.All(CounterRecordFormats.All, format => Assert.True(CounterRecordFormats.IsKnown(format)));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(3u)]
    [InlineData(4u)]
    [InlineData(6u)]
    [InlineData(1002u)]
    [InlineData(1003u)]
    [InlineData(1999u)]
    [InlineData(2011u)]
    [InlineData(2202u)]
    [InlineData(2206u)]
    [InlineData((4413u << 12) | 2)]
    public void IsKnown_OtherFormats_False(uint format) =>
        Assert.False(CounterRecordFormats.IsKnown((CounterRecordFormat)format));
}
