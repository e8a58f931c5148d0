using NetworkMachinery.Operator.Connectivity.Runs;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Tests.Connectivity;

public sealed class RunOutcomeTests
{
    [Theory]
    [InlineData(null, new[] { "Reachable", "Reachable" }, "Succeeded", "Reachable")]
    [InlineData(null, new[] { "Reachable", "Timeout" }, "Degraded", "PartlyReachable")]
    [InlineData(null, new[] { "Refused", "Error" }, "Failed", "Unreachable")]
    [InlineData("Unreachable", new[] { "Refused", "Timeout", "Unreachable" }, "Succeeded", "AsExpected")]
    [InlineData("Unreachable", new[] { "Refused", "Reachable" }, "Failed", "NotAsExpected")]
    [InlineData("Unreachable", new[] { "Timeout", "Error" }, "Failed", "NotAsExpected")]
    [InlineData("Reachable", new[] { "Reachable" }, "Succeeded", "AsExpected")]
    public void Judge_Verdicts_GiveTheCondition(string? expect, string[] verdicts, string condition, string reason)
    {
        var rows = verdicts.Select(v => new ConnectivityResult { Source = "host", Destination = "ip/x", Target = "x", Verdict = v, Expected = RunOutcome.Meets(v, expect) }).ToList();

        var (type, actualReason, message) = RunOutcome.Judge(rows, expect);

        Assert.Equal((condition, reason), (type, actualReason));
        Assert.NotEmpty(message);
    }

    [Fact]
    public void Summarize_CountsEachKindOfVerdictAndTheExpectation()
    {
        string[] verdicts = [ProbeVerdict.Reachable, ProbeVerdict.Refused, ProbeVerdict.Timeout, ProbeVerdict.Error, ProbeVerdict.Pending];
        var rows = verdicts.Select(v => new ConnectivityResult { Verdict = v, Expected = RunOutcome.Meets(v, ExpectedOutcome.Unreachable) }).ToList();

        var summary = RunOutcome.Summarize(rows);

        Assert.Equal((5, 1, 2, 1, 2, 2), (summary.Destinations, summary.Reachable, summary.Unreachable, summary.Errors, summary.Passed, summary.Failed));
    }
}
