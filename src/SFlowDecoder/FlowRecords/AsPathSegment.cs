namespace NetworkMachinery.SFlow;

/// <summary>One segment of a BGP AS path: an ordered sequence or an unordered set of AS numbers.</summary>
public readonly ref struct AsPathSegment
{
    internal AsPathSegment(uint type, XdrUInt32List numbers)
    {
        Type = type;
        Numbers = numbers;
    }

    /// <summary>1 = AS_SET (unordered), 2 = AS_SEQUENCE (ordered).</summary>
    public uint Type { get; }

    /// <summary>The AS numbers.</summary>
    public XdrUInt32List Numbers { get; }
}
