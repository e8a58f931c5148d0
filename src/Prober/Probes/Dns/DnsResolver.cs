using System.Diagnostics;
using System.Globalization;
using System.Net;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// A stub resolver that behaves like glibc's getaddrinfo with <c>AF_UNSPEC</c>, over sockets of one network namespace:
/// the search list and <c>ndots</c> decide which names are tried and in which order; for each, A and AAAA are asked
/// together, the servers are tried in order for <c>attempts</c> rounds, each waited on for <c>timeout</c>; SERVFAIL,
/// NOTIMP and REFUSED move on to the next server; a truncated answer is asked again over TCP. A name that no server
/// answers stops the search, as in glibc. Differences from glibc: every wait is the full timeout (glibc lengthens it
/// in later rounds), and <c>rotate</c> and <c>edns0</c> are ignored.
/// </summary>
public sealed class DnsResolver
{
    private static readonly DnsRecordType[] AddressTypes = [DnsRecordType.A, DnsRecordType.Aaaa];

    private readonly ISocketFactory _sockets;

    /// <summary>A resolver that sends its queries from <paramref name="sockets"/>' namespace, configured by <paramref name="conf"/>.</summary>
    public DnsResolver(ISocketFactory sockets, ResolvConf conf)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(conf);
        _sockets = sockets;
        Conf = conf;
    }

    /// <summary>The configuration in use.</summary>
    public ResolvConf Conf { get; }

    /// <summary>
    /// Resolves <paramref name="name"/> to its addresses. Never throws for what the servers or the network do: the
    /// lookup's verdict says it. An address literal resolves to itself without a query.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DnsLookup> LookupAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var started = Stopwatch.GetTimestamp();
        if (IPAddress.TryParse(name, out var literal))
        {
            return new DnsLookup { Name = name, Query = name, Addresses = [literal], Verdict = ProbeResult.Types.Verdict.Reachable };
        }

        IReadOnlyList<string> candidates;
        try
        {
            candidates = CandidateNames(name);
            _ = candidates.Select(DnsQueryWriter.EncodeName).ToList();
        }
        catch (ArgumentException e)
        {
            return new DnsLookup { Name = name, Query = name, Verdict = ProbeResult.Types.Verdict.Error, Failure = e.Message };
        }

        DnsLookup? last = null;
        DnsLookup? serverFailure = null;
        foreach (var candidate in candidates)
        {
            last = await LookupCandidateAsync(name, candidate, cancellationToken).ConfigureAwait(false);
            if (last.Verdict == ProbeResult.Types.Verdict.Reachable || !last.Answered)
            {
                break;
            }

            if (last.ResponseCode != DnsResponseCode.NameError && last.ResponseCode != DnsResponseCode.NoError)
            {
                serverFailure ??= last;
            }
        }

        // Like glibc, a server failure on the way outranks the NXDOMAIN of a later search domain: the name may exist.
        var outcome = last!.Answered && last.Verdict != ProbeResult.Types.Verdict.Reachable && serverFailure is not null ? serverFailure : last;
        return outcome with { Elapsed = Stopwatch.GetElapsedTime(started) };
    }

    /// <summary>The names to ask for, in order, as glibc's res_search builds them from the search list and ndots.</summary>
    internal IReadOnlyList<string> CandidateNames(string name)
    {
        if (name.EndsWith('.'))
        {
            return [name.TrimEnd('.')];
        }

        var searched = Conf.Search.Select(domain => $"{name}.{domain}").ToList();
        var dots = name.Count(c => c == '.');
        return dots >= Conf.Ndots ? [name, .. searched] : [.. searched, name];
    }

    private async Task<DnsLookup> LookupCandidateAsync(string name, string candidate, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var allTimedOut = true;
        DnsLookup? rejected = null;
        for (var attempt = 0; attempt < Conf.Attempts; attempt++)
        {
            foreach (var server in Conf.Nameservers)
            {
                var reply = await DnsExchange.AskAsync(_sockets, server, candidate, AddressTypes, Conf.Timeout, cancellationToken).ConfigureAwait(false);
                var serverText = server.ToString();
                if (reply.Responses.Count == 0)
                {
                    failures.Add($"{serverText} {reply.Failure}");
                    allTimedOut &= reply.TimedOut;
                    continue;
                }

                var lookup = FromResponses(name, candidate, serverText, reply.Responses);
                if (lookup.ResponseCode is DnsResponseCode.NoError or DnsResponseCode.NameError)
                {
                    return lookup;
                }

                rejected = lookup;
            }
        }

        if (rejected is not null)
        {
            return rejected;
        }

        var distinct = failures.Distinct().ToList();
        return new DnsLookup
        {
            Name = name,
            Query = candidate,
            Verdict = allTimedOut ? ProbeResult.Types.Verdict.Timeout : ProbeResult.Types.Verdict.Error,
            Failure = allTimedOut
                ? $"no DNS server answered for {candidate}: {string.Join(", ", distinct)}"
                : $"no DNS server reachable for {candidate}: {string.Join(", ", distinct)}",
        };
    }

    private static DnsLookup FromResponses(string name, string candidate, string server, IReadOnlyList<DnsResponse> responses)
    {
        var addresses = responses
            .Where(r => r.ResponseCode == DnsResponseCode.NoError)
            .SelectMany(r => DnsResponseReader.AddressesFor(r.Answers, candidate, r.QuestionType))
            .ToList();
        var code = addresses.Count > 0 ? DnsResponseCode.NoError
            : responses.Any(r => r.ResponseCode == DnsResponseCode.NameError) ? DnsResponseCode.NameError
            : responses.Select(r => r.ResponseCode).FirstOrDefault(c => c != DnsResponseCode.NoError);
        var lookup = new DnsLookup
        {
            Name = name,
            Query = candidate,
            Server = server,
            ResponseCode = code,
            Addresses = addresses,
            Verdict = addresses.Count > 0 ? ProbeResult.Types.Verdict.Reachable : ProbeResult.Types.Verdict.Error,
        };
        return addresses.Count > 0 ? lookup : lookup with { Failure = Describe(candidate, server, code) };
    }

    private static string Describe(string candidate, string server, int code) => code switch
    {
        DnsResponseCode.NoError => $"{server} has no A or AAAA records for {candidate}",
        DnsResponseCode.NameError => $"NXDOMAIN: {server} says {candidate} does not exist",
        _ => string.Create(CultureInfo.InvariantCulture, $"{DnsResponseCode.Name(code)} from {server} for {candidate}"),
    };
}
