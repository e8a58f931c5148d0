namespace NetworkMachinery.Operator.Filters;

/// <summary><c>FIELD OP VALUE</c>.</summary>
internal sealed class CompareNode(FilterField field, CompareOperator op, UInt128 value) : FilterNode
{
    /// <inheritdoc/>
    public override bool Matches(in FlowFields record)
    {
        var actual = FlowFieldCatalog.Read(record, field);
        return op switch
        {
            CompareOperator.Equal => actual == value,
            CompareOperator.NotEqual => actual != value,
            CompareOperator.Less => actual < value,
            CompareOperator.LessOrEqual => actual <= value,
            CompareOperator.Greater => actual > value,
            _ => actual >= value,
        };
    }

    /// <inheritdoc/>
    public override FilterGuard? Guard() => op == CompareOperator.Equal && FilterGuard.Indexable(field)
        ? new FilterGuard(field, [new FilterPrefix(value, 128)], Whole: true)
        : null;
}
