namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// What one server did with one name's queries: the responses that came back (possibly fewer than asked, when the
/// wait ended first), or why none did.
/// </summary>
/// <param name="Responses">The responses received, in the order of the queried types.</param>
/// <param name="Failure">Why nothing came back: "timed out", "connection refused", ...; null when something did.</param>
/// <param name="TimedOut">True when the failure is silence rather than an error the network reported.</param>
internal sealed record DnsServerReply(IReadOnlyList<DnsResponse> Responses, string? Failure, bool TimedOut);
