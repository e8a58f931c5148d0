namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>
/// The fewest and most characters of a string, items of a list or entries of a map (minLength/maxLength,
/// minItems/maxItems, minProperties/maxProperties in the CRD). It stands in for DataAnnotations' Length, MinLength
/// and MaxLength, which are not trimming-safe.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SizeAttribute : Attribute
{
    /// <summary>The fewest, or -1 for no lower bound.</summary>
    public int Minimum { get; init; } = -1;

    /// <summary>The most, or -1 for no upper bound.</summary>
    public int Maximum { get; init; } = -1;
}
