using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Attempts;

/// <summary>How one attempt of a probe (an echo, a connect, a datagram) ended.</summary>
/// <param name="Verdict">Reachable when answered; otherwise why not.</param>
/// <param name="Reason">Why, when not answered; empty otherwise.</param>
/// <param name="RoundTrip">The round-trip time of an answered attempt.</param>
internal readonly record struct AttemptOutcome(ProbeResult.Types.Verdict Verdict, string Reason, TimeSpan RoundTrip)
{
    /// <summary>An attempt answered after <paramref name="roundTrip"/>.</summary>
    public static AttemptOutcome Answered(TimeSpan roundTrip) => new(ProbeResult.Types.Verdict.Reachable, "", roundTrip);

    /// <summary>An attempt that got no answer in time.</summary>
    public static AttemptOutcome TimedOut { get; } = new(ProbeResult.Types.Verdict.Timeout, "", TimeSpan.Zero);

    /// <summary>An attempt that failed with <paramref name="verdict"/> for <paramref name="reason"/>.</summary>
    public static AttemptOutcome Failed(ProbeResult.Types.Verdict verdict, string reason) => new(verdict, reason, TimeSpan.Zero);
}
