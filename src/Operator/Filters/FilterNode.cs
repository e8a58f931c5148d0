namespace NetworkMachinery.Operator.Filters;

/// <summary>A node of a parsed filter expression.</summary>
internal abstract class FilterNode
{
    /// <summary>Whether <paramref name="record"/> satisfies this node.</summary>
    public abstract bool Matches(in FlowFields record);

    /// <summary>
    /// A test every matching record passes, for indexing: null when there is none the index can use.
    /// </summary>
    public virtual FilterGuard? Guard() => null;
}
