using System.Globalization;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Entities;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Operator.Connectivity.Runs;

/// <summary>Fills status rows from probe results, and sums up and judges a run against the test's expectation.</summary>
public static class RunOutcome
{
    private const double NanosecondsPerMillisecond = 1_000_000;

    /// <summary>Writes <paramref name="result"/> into <paramref name="row"/>.</summary>
    public static void Fill(ConnectivityResult row, ProbeResult result, string? expect)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(result);
        row.Verdict = result.Verdict switch
        {
            Verdict.Reachable => ProbeVerdict.Reachable,
            Verdict.Refused => ProbeVerdict.Refused,
            Verdict.Timeout => ProbeVerdict.Timeout,
            Verdict.Unreachable => ProbeVerdict.Unreachable,
            _ => ProbeVerdict.Error,
        };
        row.Error = result.ErrorReason.Length > 0 ? result.ErrorReason : null;
        row.SourceIP = result.Source?.Address is { Length: > 0 } address ? address : row.SourceIP;
        row.Sent = (int)result.Sent;
        row.Received = (int)result.Received;
        row.LossPercent = result.LossPercent;
        var answered = result.Received > 0;
        row.RttMinMs = answered ? Math.Round(result.RttMinNs / NanosecondsPerMillisecond, 3) : null;
        row.RttAvgMs = answered ? Math.Round(result.RttAvgNs / NanosecondsPerMillisecond, 3) : null;
        row.RttMaxMs = answered ? Math.Round(result.RttMaxNs / NanosecondsPerMillisecond, 3) : null;
        row.HttpStatus = result.Http is { StatusCode: > 0 } http ? (int)http.StatusCode : null;
        row.PathMTU = result.PathMtu > 0 ? (int)result.PathMtu : null;
        if (result.Destination is { Kind: ProbeResult.Types.Destination.Types.Kind.Dns, Address.Length: > 0 } resolved)
        {
            row.Target = ResolvedTarget.Describe(resolved);
        }

        row.FinishedAt = result.FinishedAtNs > 0 ? DateTime.UnixEpoch.AddTicks((long)(result.FinishedAtNs / 100)) : null;
        row.Expected = Meets(row.Verdict, expect);
    }

    /// <summary>Marks a row that got no result in time as an error.</summary>
    public static void TimedOut(ConnectivityResult row, TimeSpan budget, string? expect)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Verdict = ProbeVerdict.Error;
        row.Error = NoResultError(budget);
        row.Expected = Meets(row.Verdict, expect);
    }

    /// <summary>The error of a row that <see cref="TimedOut"/> marked.</summary>
    public static string NoResultError(TimeSpan budget) => string.Create(CultureInfo.InvariantCulture, $"no result from the prober within {budget.TotalSeconds:0.#} s");

    /// <summary>Whether <paramref name="verdict"/> is what the test expects; null when it expects nothing or the row is pending.</summary>
    public static bool? Meets(string verdict, string? expect) => expect is null || verdict == ProbeVerdict.Pending
        ? null
        : expect == ExpectedOutcome.Reachable
            ? verdict == ProbeVerdict.Reachable
            : verdict is ProbeVerdict.Refused or ProbeVerdict.Timeout or ProbeVerdict.Unreachable;

    /// <summary>The counts over <paramref name="rows"/>.</summary>
    public static ConnectivitySummary Summarize(IReadOnlyCollection<ConnectivityResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ConnectivitySummary
        {
            Destinations = rows.Count,
            Reachable = rows.Count(r => r.Verdict == ProbeVerdict.Reachable),
            Unreachable = rows.Count(r => r.Verdict is ProbeVerdict.Refused or ProbeVerdict.Timeout or ProbeVerdict.Unreachable),
            Errors = rows.Count(r => r.Verdict == ProbeVerdict.Error),
            Passed = rows.Count(r => r.Expected == true),
            Failed = rows.Count(r => r.Expected == false),
        };
    }

    /// <summary>
    /// The run's verdict as the three conditions, once no row is pending. With an expectation: Succeeded when every probe
    /// met it, else Failed. Without: Succeeded when every target was reachable, Failed when none was, else Degraded.
    /// </summary>
    public static (string Type, string Reason, string Message) Judge(IReadOnlyList<ConnectivityResult> rows, string? expect)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (expect is not null)
        {
            var missed = rows.Where(r => r.Expected != true).ToList();
            return missed.Count == 0
                ? (NetworkConnectivityTestConditions.Succeeded, "AsExpected", $"all {rows.Count} probes were {expect.ToLowerInvariant()}, as expected")
                : (NetworkConnectivityTestConditions.Failed, "NotAsExpected", $"{missed.Count} of {rows.Count} probes were not {expect.ToLowerInvariant()}: {Describe(missed)}");
        }

        var failed = rows.Where(r => r.Verdict != ProbeVerdict.Reachable).ToList();
        return failed.Count == 0 ? (NetworkConnectivityTestConditions.Succeeded, "Reachable", $"all {rows.Count} targets reachable")
            : failed.Count == rows.Count ? (NetworkConnectivityTestConditions.Failed, "Unreachable", $"no target reachable: {Describe(failed)}")
            : (NetworkConnectivityTestConditions.Degraded, "PartlyReachable", $"{failed.Count} of {rows.Count} targets not reachable: {Describe(failed)}");
    }

    private static string Describe(List<ConnectivityResult> rows)
    {
        const int Shown = 3;
        var described = string.Join("; ", rows.Take(Shown).Select(r => $"{r.Source} -> {r.Destination} {r.Target}: {r.Verdict}{(r.Error is null ? "" : $" ({r.Error})")}"));
        return rows.Count > Shown ? $"{described}; and {rows.Count - Shown} more" : described;
    }
}
