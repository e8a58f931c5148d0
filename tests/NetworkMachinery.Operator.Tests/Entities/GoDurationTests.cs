using System.Text.RegularExpressions;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Tests.Entities;

public sealed class GoDurationTests
{
    // Expected values worked out by hand from the units: 1 tick = 100 ns.
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1s", 10_000_000L)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData("200ms", 2_000_000L)]
    [InlineData("1m30s", 900_000_000L)]
    [InlineData("1h2m3.5s", 37_235_000_000L)]
    [InlineData(".5s", 5_000_000L)]
    [InlineData("1.s", 10_000_000L)]
    [InlineData("100us", 1_000L)]
    [InlineData("250ns", 2L)]
    [InlineData("1ms500us", 15_000L)]
    [InlineData("0.000000001s", 0L)]
    [InlineData("2562047h", 2562047L * 36_000_000_000L)]
    public void TryParse_GoSyntax_ReturnsTheDuration(string text, long ticks)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("1.5")]
    [InlineData("1 s")]
    [InlineData("1sec")]
    [InlineData("1d")]
    [InlineData("1µs")]
    [InlineData("1S")]
    [InlineData("2562048h")]
    [InlineData("9223372036854775808ns")]
    public void TryParse_NotADuration_ReturnsFalse(string text)
    {
        Assert.False(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Fact]
    public void Parse_NotADuration_ThrowsFormatExceptionNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => GoDuration.Parse("5 minutes"));
        Assert.Contains("'5 minutes'", error.Message, StringComparison.Ordinal);
    }

    // The CRD's pattern is what the API server checks and the parser is what the operator runs: they must agree on
    // every spelling (overflow aside, which no pattern can see).
    [Theory]
    [InlineData("0")]
    [InlineData("1s")]
    [InlineData("1.5s")]
    [InlineData("1m30s")]
    [InlineData(".5s")]
    [InlineData("1.s")]
    [InlineData("10ms")]
    [InlineData("3h")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData(".s")]
    [InlineData("-1s")]
    [InlineData("1 s")]
    [InlineData("1sec")]
    [InlineData("00")]
    [InlineData("1µs")]
    public void Pattern_AgreesWithParser(string text)
    {
        Assert.Equal(GoDuration.TryParse(text, out _), Regex.IsMatch(text, Patterns.Duration));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(10_000, "10s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(60_500, "1m500ms")]
    [InlineData(93_784_000, "26h3m4s")]
    public void Format_WritesWholeUnitsLargestFirst_ThatParseReadsBack(long milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = GoDuration.Format(value);

        Assert.Equal(expected, text);
        Assert.Equal(value, GoDuration.Parse(text));
    }

    [Fact]
    public void Format_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.Format(TimeSpan.FromSeconds(-1)));
}
