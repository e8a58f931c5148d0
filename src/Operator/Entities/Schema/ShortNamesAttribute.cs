namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>The short names <c>kubectl</c> accepts for the kind, such as <c>nct</c>.</summary>
/// <param name="names">The short names, lower case.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    /// <summary>The short names, lower case.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
