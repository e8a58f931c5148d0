namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Damages datagrams the way fuzzers and broken agents do: flipped bits, random bytes, inserted and removed bytes,
/// huge or tiny length and count words, truncation. Deterministic for a seeded <see cref="Random"/>.
/// </summary>
public static class SFlowMutator
{
    private static readonly uint[] InterestingWords = [0, 1, 3, 4, 7, 8, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFC, 0xFFFF_FFFF];

    /// <summary>Returns a copy of <paramref name="datagram"/> with one to four random mutations applied.</summary>
    public static byte[] Mutate(ReadOnlySpan<byte> datagram, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new List<byte>(datagram.ToArray());
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(bytes, random);
        }

        return [.. bytes];
    }

    private static void MutateOnce(List<byte> bytes, Random random)
    {
        if (bytes.Count == 0)
        {
            bytes.Add((byte)random.Next(256));
            return;
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(7))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = (byte)random.Next(256);
                break;
            case 2:
                bytes.InsertRange(at, RandomBytes(random, random.Next(1, 9)));
                break;
            case 3:
                bytes.RemoveRange(at, Math.Min(random.Next(1, 9), bytes.Count - at));
                break;
            case 4:
                // Lengths and counts sit on word boundaries: a wild value there reaches the bounds checks.
                WriteWord(bytes, at & ~3, InterestingWords[random.Next(InterestingWords.Length)]);
                break;
            case 5:
                WriteWord(bytes, at & ~3, (uint)(bytes.Count - (at & ~3) + random.Next(-8, 9)));
                break;
            default:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
        }
    }

    private static void WriteWord(List<byte> bytes, int offset, uint value)
    {
        for (var i = 0; i < 4 && offset + i < bytes.Count; i++)
        {
            bytes[offset + i] = (byte)(value >> (24 - (8 * i)));
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var result = new byte[count];
        random.NextBytes(result);
        return result;
    }
}
