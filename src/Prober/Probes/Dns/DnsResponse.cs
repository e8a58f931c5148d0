namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>A decoded DNS response: its id, flags that matter to a stub resolver, the question and the answers.</summary>
internal sealed record DnsResponse
{
    public required ushort Id { get; init; }

    /// <summary>The response code (the low four bits of the header's flags).</summary>
    public required int ResponseCode { get; init; }

    /// <summary>TC: the answer did not fit into the UDP datagram; ask again over TCP.</summary>
    public required bool Truncated { get; init; }

    /// <summary>The question's name, without the trailing dot, and type.</summary>
    public required string QuestionName { get; init; }

    public required DnsRecordType QuestionType { get; init; }

    /// <summary>The answer section's A, AAAA and CNAME records, in the order received; others are skipped.</summary>
    public required IReadOnlyList<DnsAnswer> Answers { get; init; }
}
