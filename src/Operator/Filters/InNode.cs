namespace NetworkMachinery.Operator.Filters;

/// <summary><c>FIELD in (V1, V2, ...)</c>, where an address value may be a CIDR prefix.</summary>
internal sealed class InNode(FilterField field, FilterPrefix[] prefixes) : FilterNode
{
    /// <inheritdoc/>
    public override bool Matches(in FlowFields record)
    {
        var actual = FlowFieldCatalog.Read(record, field);
        foreach (var prefix in prefixes)
        {
            if (prefix.Contains(actual))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override FilterGuard? Guard() => FilterGuard.Indexable(field) ? new FilterGuard(field, prefixes, Whole: true) : null;
}
