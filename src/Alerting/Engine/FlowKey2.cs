namespace NetworkMachinery.Alerting.Engine;

/// <summary>A flow key of up to 2 words.</summary>
internal struct FlowKey2 : IFlowKey<FlowKey2>
{
    private ulong _a;
    private ulong _b;

    /// <inheritdoc/>
    public static int Words => 2;

    /// <inheritdoc/>
    public static FlowKey2 From(ReadOnlySpan<ulong> words)
    {
        var key = default(FlowKey2);
        key._a = words.Length > 0 ? words[0] : 0;
        key._b = words.Length > 1 ? words[1] : 0;
        return key;
    }

    /// <inheritdoc/>
    public readonly bool Same(in FlowKey2 other) => _a == other._a && _b == other._b;

    /// <inheritdoc/>
    public readonly void CopyTo(Span<ulong> words)
    {
        words[0] = _a;
        words[1] = _b;
    }
}
