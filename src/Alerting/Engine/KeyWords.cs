using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// The fixed-size flow keys: inline arrays of 2, 4, 6 or 10 words, stored inline in a table's slots so that a lookup
/// reads one slot. Together they cover every key set (10 fields at most, of which 3 addresses of 2 words); a rule uses
/// the smallest that holds its key.
/// </summary>
internal static class KeyWords
{
    /// <summary>The words of <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<ulong> Of<TKey>(in TKey key)
        where TKey : struct =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TKey, ulong>(ref Unsafe.AsRef(in key)), Unsafe.SizeOf<TKey>() / sizeof(ulong));

    /// <summary>The key whose first words are <paramref name="words"/>, the rest zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TKey From<TKey>(ReadOnlySpan<ulong> words)
        where TKey : struct
    {
        var key = default(TKey);
        words.CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<TKey, ulong>(ref key), Unsafe.SizeOf<TKey>() / sizeof(ulong)));
        return key;
    }

    /// <summary>A key of up to 2 words (one address, or small fields).</summary>
    [InlineArray(2)]
    public struct Two
    {
        private ulong _word;
    }

    /// <summary>A key of up to 4 words (two addresses).</summary>
    [InlineArray(4)]
    public struct Four
    {
        private ulong _word;
    }

    /// <summary>A key of up to 6 words (a 5-tuple).</summary>
    [InlineArray(6)]
    public struct Six
    {
        private ulong _word;
    }

    /// <summary>A key of up to 10 words (any key set).</summary>
    [InlineArray(10)]
    public struct Ten
    {
        private ulong _word;
    }
}
