using System.Diagnostics;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// Resolves a DNS destination's name (<see cref="ProbeResult.Types.Destination.Name"/>) with the source's own
/// resolv.conf, from inside the source's network namespace, <see cref="ProbeRequest.Count"/> times. Reachable when a
/// lookup returns addresses; otherwise the last lookup's verdict: Timeout when no server answered, Error for NXDOMAIN,
/// SERVFAIL, no records or unreachable servers. <c>dns</c> holds the last lookup (the first successful one, if any);
/// the round-trip times are those of the answered lookups.
/// </summary>
public sealed class DnsProbe : ITargetProbe
{
    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Dns;

    /// <inheritdoc />
    public async Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var name = request.Target.Name;
        var resolver = await ResolverLoader.LoadAsync(request, cancellationToken).ConfigureAwait(false);
        if (resolver.Error is not null || string.IsNullOrWhiteSpace(name))
        {
            result.Verdict = ProbeResult.Types.Verdict.Error;
            result.ErrorReason = resolver.Error ?? "the DNS destination names no host to resolve";
            return;
        }

        var tally = new RttTally();
        DnsLookup? reported = null;
        for (var i = 0; i < Math.Max(1, request.Count); i++)
        {
            var attemptStarted = Stopwatch.GetTimestamp();
            tally.CountSent();
            var lookup = await resolver.Resolver!.LookupAsync(name, cancellationToken).ConfigureAwait(false);
            if (lookup.Answered)
            {
                tally.CountReceived(lookup.Elapsed);
            }

            if (reported?.Verdict != ProbeResult.Types.Verdict.Reachable)
            {
                reported = lookup;
            }

            if (i + 1 < request.Count)
            {
                var pause = request.Interval - Stopwatch.GetElapsedTime(attemptStarted);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        tally.WriteTo(result);
        result.Verdict = reported!.Verdict;
        result.ErrorReason = reported.Failure;
        result.Dns = new ProbeResult.Types.Dns
        {
            Query = reported.Query,
            Server = reported.Server,
            Rcode = (uint)(reported.ResponseCode ?? 0),
        };
        result.Dns.Answers.AddRange(reported.Addresses.Select(a => a.ToString()));
        if (result.Destination is { Address.Length: 0 } destination && reported.Addresses.Count > 0)
        {
            destination.Address = reported.Addresses[0].ToString();
        }
    }
}
