using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Tests.Entities;

public sealed class TcRateTests
{
    // tc: bit units are bits per second in powers of 1000, bps units are bytes per second.
    [Theory]
    [InlineData("10mbit", 10e6)]
    [InlineData("512kbit", 512e3)]
    [InlineData("1gbit", 1e9)]
    [InlineData("2tbit", 2e12)]
    [InlineData("100bit", 100)]
    [InlineData("100bps", 800)]
    [InlineData("1.5gbps", 12e9)]
    [InlineData("3kbps", 24e3)]
    [InlineData("0mbit", 0)]
    public void TryParse_TcRate_ReturnsBitsPerSecond(string text, double bitsPerSecond)
    {
        Assert.True(TcRate.TryParse(text, out var value));
        Assert.Equal(bitsPerSecond, value, 6);
        Assert.Matches(Patterns.Rate, text);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("mbit")]
    [InlineData("10 mbit")]
    [InlineData("10Mbit")]
    [InlineData("10mb")]
    [InlineData(".5mbit")]
    public void TryParse_NotARate_ReturnsFalseAndThePatternRefusesItToo(string text)
    {
        Assert.False(TcRate.TryParse(text, out _));
        Assert.DoesNotMatch(Patterns.Rate, text);
    }
}
