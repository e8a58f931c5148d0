namespace NetworkMachinery.Operator.Filters;

/// <summary>A value or a prefix of one: the field matches when its top <see cref="Length"/> bits equal <see cref="Value"/>'s.</summary>
/// <param name="Value">The value, with the bits below the prefix cleared.</param>
/// <param name="Length">The prefix length in bits of the 128-bit value space (128: the exact value).</param>
internal readonly record struct FilterPrefix(UInt128 Value, int Length)
{
    /// <summary>The mask that keeps the top <paramref name="length"/> bits.</summary>
    public static UInt128 Mask(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    /// <summary>Whether <paramref name="value"/> falls in this prefix.</summary>
    public bool Contains(UInt128 value) => (value & Mask(Length)) == Value;
}
