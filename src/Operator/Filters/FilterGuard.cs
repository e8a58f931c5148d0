namespace NetworkMachinery.Operator.Filters;

/// <summary>
/// A necessary condition of a filter: a record can only match when <see cref="Field"/> is in one of
/// <see cref="Prefixes"/>. The engine indexes filters by it so that a record only reaches the filters it can satisfy.
/// </summary>
/// <param name="Field">The field tested: proto, srcPort, dstPort, srcAddr or dstAddr.</param>
/// <param name="Prefixes">The values (numbers: exact, length 128) or address prefixes it may have.</param>
/// <param name="Whole">True when the guard is the whole filter, so a record the index finds needs no further test.</param>
internal sealed record FilterGuard(FilterField Field, IReadOnlyList<FilterPrefix> Prefixes, bool Whole)
{
    /// <summary>How good an index key the field is: ports pick out fewest records, then addresses, then the protocol.</summary>
    public int Selectivity => Field switch
    {
        FilterField.DstPort or FilterField.SrcPort => 3,
        FilterField.DstAddr or FilterField.SrcAddr => 2,
        _ => 1,
    };

    /// <summary>Whether a guard may be built on <paramref name="field"/>.</summary>
    public static bool Indexable(FilterField field) =>
        field is FilterField.Proto or FilterField.SrcPort or FilterField.DstPort or FilterField.SrcAddr or FilterField.DstAddr;
}
