namespace NetworkMachinery.Operator.Filters;

/// <summary><c>A or B or ...</c>: evaluated left to right, stopping at the first true.</summary>
internal sealed class OrNode(FilterNode[] operands) : FilterNode
{
    /// <inheritdoc/>
    public override bool Matches(in FlowFields record)
    {
        foreach (var operand in operands)
        {
            if (operand.Matches(record))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    /// <remarks>A guard only when every operand has one on the same field: then the union of their values.</remarks>
    public override FilterGuard? Guard()
    {
        var guards = operands.Select(operand => operand.Guard()).ToArray();
        if (guards.Any(guard => guard is null) || guards.Select(guard => guard!.Field).Distinct().Count() != 1)
        {
            return null;
        }

        return new FilterGuard(guards[0]!.Field, [.. guards.SelectMany(guard => guard!.Prefixes)], guards.All(guard => guard!.Whole));
    }
}
