using System.Net;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>The outcome of resolving one name with <see cref="DnsResolver"/>.</summary>
public sealed record DnsLookup
{
    /// <summary>The name as it was given.</summary>
    public required string Name { get; init; }

    /// <summary>The fully qualified name of the last query: the one answered, or the last one tried.</summary>
    public required string Query { get; init; }

    /// <summary>The server (address:port) that gave the final answer; empty when none answered.</summary>
    public string Server { get; init; } = string.Empty;

    /// <summary>The final answer's response code (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, ...); null when none answered.</summary>
    public int? ResponseCode { get; init; }

    /// <summary>The addresses (A, then AAAA), CNAME chains followed, in the order received.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    /// <summary><see cref="ProbeResult.Types.Verdict.Reachable"/> when addresses came back, otherwise why not.</summary>
    public required ProbeResult.Types.Verdict Verdict { get; init; }

    /// <summary>Why no addresses came back; empty when they did.</summary>
    public string Failure { get; init; } = string.Empty;

    /// <summary>How long the lookup took, all search domains, servers and attempts included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when a server answered at all (whatever the response code).</summary>
    public bool Answered => ResponseCode is not null;
}
