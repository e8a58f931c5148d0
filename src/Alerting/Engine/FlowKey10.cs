namespace NetworkMachinery.Alerting.Engine;

/// <summary>A flow key of up to 10 words.</summary>
internal struct FlowKey10 : IFlowKey<FlowKey10>
{
    private ulong _a;
    private ulong _b;
    private ulong _c;
    private ulong _d;
    private ulong _e;
    private ulong _f;
    private ulong _g;
    private ulong _h;
    private ulong _i;
    private ulong _j;

    /// <inheritdoc/>
    public static int Words => 10;

    /// <inheritdoc/>
    public static FlowKey10 From(ReadOnlySpan<ulong> words)
    {
        var key = default(FlowKey10);
        key._a = words.Length > 0 ? words[0] : 0;
        key._b = words.Length > 1 ? words[1] : 0;
        key._c = words.Length > 2 ? words[2] : 0;
        key._d = words.Length > 3 ? words[3] : 0;
        key._e = words.Length > 4 ? words[4] : 0;
        key._f = words.Length > 5 ? words[5] : 0;
        key._g = words.Length > 6 ? words[6] : 0;
        key._h = words.Length > 7 ? words[7] : 0;
        key._i = words.Length > 8 ? words[8] : 0;
        key._j = words.Length > 9 ? words[9] : 0;
        return key;
    }

    /// <inheritdoc/>
    public readonly bool Same(in FlowKey10 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d && _e == other._e && _f == other._f && _g == other._g && _h == other._h && _i == other._i && _j == other._j;

    /// <inheritdoc/>
    public readonly void CopyTo(Span<ulong> words)
    {
        words[0] = _a;
        words[1] = _b;
        words[2] = _c;
        words[3] = _d;
        words[4] = _e;
        words[5] = _f;
        words[6] = _g;
        words[7] = _h;
        words[8] = _i;
        words[9] = _j;
    }
}
