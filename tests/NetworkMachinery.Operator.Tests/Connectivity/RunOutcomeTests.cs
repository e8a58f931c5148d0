using NetworkMachinery.Contracts;
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
    public void Fill_HttpStatusPathMtuAndTheAddressADnsNameResolvedTo_ReachTheRow()
    {
        var row = new ConnectivityResult { Destination = "dns/example.com", Target = "example.com:80" };
        var result = new ProbeResult
        {
            Verdict = ProbeResult.Types.Verdict.Reachable,
            Destination = new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Dns, Name = "example.com", Address = "fd00::7", Port = 80 },
            Http = new ProbeResult.Types.Http { StatusCode = 503 },
            PathMtu = 1280,
        };

        RunOutcome.Fill(row, result, expect: null);

        Assert.Equal(("[fd00::7]:80", 503, 1280, ProbeVerdict.Reachable), (row.Target, row.HttpStatus, row.PathMTU, row.Verdict));

        var plain = new ConnectivityResult { Destination = "ip/10.0.0.1", Target = "10.0.0.1" };
        RunOutcome.Fill(plain, new ProbeResult { Verdict = ProbeResult.Types.Verdict.Timeout }, expect: null);
        Assert.Equal(("10.0.0.1", (int?)null, (int?)null), (plain.Target, plain.HttpStatus, plain.PathMTU));
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
