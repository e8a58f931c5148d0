namespace NetworkMachinery.Alerting.Engine;

/// <summary>A flow key of up to 4 words.</summary>
internal struct FlowKey4 : IFlowKey<FlowKey4>
{
    private ulong _a;
    private ulong _b;
    private ulong _c;
    private ulong _d;

    /// <inheritdoc/>
    public static int Words => 4;

    /// <inheritdoc/>
    public static FlowKey4 From(ReadOnlySpan<ulong> words)
    {
        var key = default(FlowKey4);
        key._a = words.Length > 0 ? words[0] : 0;
        key._b = words.Length > 1 ? words[1] : 0;
        key._c = words.Length > 2 ? words[2] : 0;
        key._d = words.Length > 3 ? words[3] : 0;
        return key;
    }

    /// <inheritdoc/>
    public readonly bool Same(in FlowKey4 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public readonly void CopyTo(Span<ulong> words)
    {
        words[0] = _a;
        words[1] = _b;
        words[2] = _c;
        words[3] = _d;
    }
}
