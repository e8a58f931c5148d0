namespace NetworkMachinery.Alerting.Engine;

/// <summary>A flow key of up to 6 words.</summary>
internal struct FlowKey6 : IFlowKey<FlowKey6>
{
    private ulong _a;
    private ulong _b;
    private ulong _c;
    private ulong _d;
    private ulong _e;
    private ulong _f;

    /// <inheritdoc/>
    public static int Words => 6;

    /// <inheritdoc/>
    public static FlowKey6 From(ReadOnlySpan<ulong> words)
    {
        var key = default(FlowKey6);
        key._a = words.Length > 0 ? words[0] : 0;
        key._b = words.Length > 1 ? words[1] : 0;
        key._c = words.Length > 2 ? words[2] : 0;
        key._d = words.Length > 3 ? words[3] : 0;
        key._e = words.Length > 4 ? words[4] : 0;
        key._f = words.Length > 5 ? words[5] : 0;
        return key;
    }

    /// <inheritdoc/>
    public readonly bool Same(in FlowKey6 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d && _e == other._e && _f == other._f;

    /// <inheritdoc/>
    public readonly void CopyTo(Span<ulong> words)
    {
        words[0] = _a;
        words[1] = _b;
        words[2] = _c;
        words[3] = _d;
        words[4] = _e;
        words[5] = _f;
    }
}
