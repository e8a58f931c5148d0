using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Attempts;

/// <summary>
/// Runs a probe's attempts the way ping does: attempt <c>i</c> starts <c>i</c> intervals after the first, whether or
/// not the ones before were answered, and each waits for its own answer up to the timeout. So a probe takes at most
/// <c>(count - 1) * interval + timeout</c>, and a slow answer never delays the next attempt. Then it writes the
/// attempts' summary into the result.
/// </summary>
internal static class AttemptSchedule
{
    /// <summary>Runs <paramref name="request"/>'s attempts with <paramref name="attempt"/> and fills <paramref name="result"/>.</summary>
    public static async Task RunAsync(
        ProbeRequest request,
        ProbeResult result,
        TimeProvider time,
        Func<int, CancellationToken, Task<AttemptOutcome>> attempt,
        CancellationToken cancellationToken)
    {
        var count = Math.Max(1, request.Count);
        var attempts = new Task<AttemptOutcome>[count];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(request.Interval, time, cancellationToken);
            }

            attempts[i] = attempt(i, cancellationToken);
        }

        Summarise(await Task.WhenAll(attempts), request.Timeout, result);
    }

    /// <summary>
    /// Counts the attempts and the answered ones' round trips; the verdict is Reachable when any was answered, else the
    /// first failure the network stated (refused, unreachable, error) before plain silence.
    /// </summary>
    public static void Summarise(IReadOnlyList<AttemptOutcome> outcomes, TimeSpan timeout, ProbeResult result)
    {
        var tally = new RttTally();
        AttemptOutcome? failure = null;
        foreach (var outcome in outcomes)
        {
            tally.CountSent();
            if (outcome.Verdict == ProbeResult.Types.Verdict.Reachable)
            {
                tally.CountReceived(outcome.RoundTrip);
            }
            else if (failure is null || (failure.Value.Verdict == ProbeResult.Types.Verdict.Timeout && outcome.Verdict != ProbeResult.Types.Verdict.Timeout))
            {
                failure = outcome;
            }
        }

        tally.WriteTo(result);
        if (tally.Received > 0 || failure is null)
        {
            result.Verdict = ProbeResult.Types.Verdict.Reachable;
            result.ErrorReason = "";
            return;
        }

        result.Verdict = failure.Value.Verdict;
        result.ErrorReason = failure.Value.Verdict == ProbeResult.Types.Verdict.Timeout && failure.Value.Reason.Length == 0
            ? SocketErrors.NoReply(timeout)
            : failure.Value.Reason;
    }

    /// <summary>
    /// A token cancelled after <paramref name="timeout"/> of real time (an attempt waits on the network, which no fake
    /// clock speeds up) or with <paramref name="cancellationToken"/>.
    /// </summary>
    public static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        return deadline;
    }
}
