namespace NetworkMachinery.Testing.SFlow;

/// <summary>One AS path segment to encode in an extended gateway record.</summary>
/// <param name="Type">1 = AS_SET, 2 = AS_SEQUENCE (other values are written as given).</param>
/// <param name="Numbers">The AS numbers.</param>
public sealed record AsPathSegmentValue(uint Type, IReadOnlyList<uint> Numbers)
{
    /// <summary>An unordered AS_SET segment.</summary>
    public static AsPathSegmentValue Set(params uint[] numbers) => new(1, numbers);

    /// <summary>An ordered AS_SEQUENCE segment.</summary>
    public static AsPathSegmentValue Sequence(params uint[] numbers) => new(2, numbers);
}
