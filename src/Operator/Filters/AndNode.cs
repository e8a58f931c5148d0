namespace NetworkMachinery.Operator.Filters;

/// <summary><c>A and B and ...</c>: evaluated left to right, stopping at the first false.</summary>
internal sealed class AndNode(FilterNode[] operands) : FilterNode
{
    /// <inheritdoc/>
    public override bool Matches(in FlowFields record)
    {
        foreach (var operand in operands)
        {
            if (!operand.Matches(record))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    /// <remarks>Any operand's guard holds for the conjunction; the most selective is kept, and it is no longer the whole filter.</remarks>
    public override FilterGuard? Guard()
    {
        FilterGuard? best = null;
        foreach (var operand in operands)
        {
            if (operand.Guard() is { } guard && (best is null || guard.Selectivity > best.Selectivity))
            {
                best = guard;
            }
        }

        return best is null ? null : best with { Whole = false };
    }
}
