using System.Text.RegularExpressions;

namespace NetworkMachinery.SFlow.Tests;

public class SFlowErrorTests
{
    [Fact]
    public void All_EveryCodeButNone_WithDistinctSnakeCaseLabelsAndReasons()
    {
        var codes = Enum.GetValues<SFlowErrorCode>().Where(c => c != SFlowErrorCode.None).ToList();

        Assert.Equal(codes, SFlowErrorText.All);
        Assert.All(codes, c => Assert.Matches(new Regex("^[a-z]+(_[a-z]+)*$"), SFlowErrorText.Label(c)));
        Assert.Equal(codes.Count, codes.Select(SFlowErrorText.Label).Distinct().Count());
        Assert.Equal(codes.Count, codes.Select(SFlowErrorText.Reason).Distinct().Count());
        Assert.DoesNotContain("unknown", codes.Select(SFlowErrorText.Label));
    }

    [Fact]
    public void ToString_Error_SaysWhatAndWhere()
    {
        var error = new SFlowError(SFlowErrorCode.SampleLengthOutOfRange, 32);

        Assert.True(error.IsError);
        Assert.Equal("sample_length_out_of_range", error.Label);
        Assert.Equal("sample length runs past the end of the datagram (at byte 32)", error.ToString());
    }

    [Fact]
    public void None_IsNotAnError()
    {
        Assert.False(SFlowError.None.IsError);
        Assert.Equal("none", SFlowError.None.Label);
        Assert.Equal("no error", SFlowError.None.ToString());
    }
}
