namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A flow key of a fixed number of 64-bit words, stored inline in a table's slots so that a lookup reads one slot:
/// <see cref="FlowKey2"/>, <see cref="FlowKey4"/>, <see cref="FlowKey6"/> and <see cref="FlowKey10"/> cover every key
/// set (10 fields at most, of which 3 addresses of 2 words).
/// </summary>
/// <typeparam name="TSelf">The key type.</typeparam>
internal interface IFlowKey<TSelf>
    where TSelf : struct, IFlowKey<TSelf>
{
    /// <summary>The words the key holds.</summary>
    static abstract int Words { get; }

    /// <summary>The key whose first words are <paramref name="words"/> (the rest zero).</summary>
    static abstract TSelf From(ReadOnlySpan<ulong> words);

    /// <summary>Whether this key equals <paramref name="other"/>.</summary>
    bool Same(in TSelf other);

    /// <summary>Copies the key's words into <paramref name="words"/>.</summary>
    void CopyTo(Span<ulong> words);
}
