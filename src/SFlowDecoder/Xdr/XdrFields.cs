using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkMachinery.SFlow;

/// <summary>
/// Reads XDR fields at constant offsets in a block taken with <see cref="XdrReader.TryReadFixed"/>.
/// The block's length was checked once when it was taken, so these reads check nothing more in release builds;
/// debug builds assert every offset against the block.
/// </summary>
public static class XdrFields
{
    /// <summary>The 32-bit unsigned integer at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32(ReadOnlySpan<byte> block, int offset)
    {
        Debug.Assert((uint)offset + 4 <= (uint)block.Length, "Field lies outside its block.");
        return BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(block), offset)));
    }

    /// <summary>The 32-bit signed integer at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Int32(ReadOnlySpan<byte> block, int offset) => unchecked((int)UInt32(block, offset));

    /// <summary>The 64-bit unsigned integer at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64(ReadOnlySpan<byte> block, int offset)
    {
        Debug.Assert((uint)offset + 8 <= (uint)block.Length, "Field lies outside its block.");
        return BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(block), offset)));
    }

    /// <summary>The IEEE 754 single at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Single(ReadOnlySpan<byte> block, int offset) => BitConverter.UInt32BitsToSingle(UInt32(block, offset));

    /// <summary>The MAC address (6 bytes, padded to 8) at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MacAddress Mac(ReadOnlySpan<byte> block, int offset) =>
        MacAddress.FromValue((((ulong)UInt32(block, offset)) << 16) | (UInt32(block, offset + 4) >> 16));

    /// <summary>The IPv4 address at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddressValue IPv4(ReadOnlySpan<byte> block, int offset) => IpAddressValue.FromIPv4(UInt32(block, offset));

    /// <summary>The IPv6 address at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddressValue IPv6(ReadOnlySpan<byte> block, int offset) => IpAddressValue.FromIPv6(UInt64(block, offset), UInt64(block, offset + 8));
}
