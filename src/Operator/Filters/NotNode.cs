namespace NetworkMachinery.Operator.Filters;

/// <summary><c>not EXPR</c>.</summary>
internal sealed class NotNode(FilterNode operand) : FilterNode
{
    /// <inheritdoc/>
    public override bool Matches(in FlowFields record) => !operand.Matches(record);
}
