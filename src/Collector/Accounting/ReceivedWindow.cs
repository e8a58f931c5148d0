namespace NetworkMachinery.Collector.Accounting;

/// <summary>
/// Remembers which of the most recent datagram sequence numbers arrived, so that a late datagram can be told from a
/// duplicate: a late one fills a gap that was counted as lost, a duplicate does not.
/// </summary>
internal sealed class ReceivedWindow
{
    // Twice the reorder window, so a number one full window behind the newest still has its own bit.
    private const int Bits = (int)SequenceTracker.ReorderWindow * 2;
    private readonly ulong[] _bits = new ulong[Bits / 64];
    private uint _newest;

    /// <summary>Starts over with <paramref name="sequence"/> as the only number seen.</summary>
    public void Reset(uint sequence)
    {
        Array.Clear(_bits);
        _newest = sequence;
        Set(sequence);
    }

    /// <summary>Records a new newest number; the numbers skipped on the way are marked as not arrived.</summary>
    public void Advance(uint sequence)
    {
        var ahead = unchecked(sequence - _newest);
        if (ahead >= Bits)
        {
            Array.Clear(_bits);
        }
        else
        {
            for (var number = unchecked(_newest + 1); number != sequence; number = unchecked(number + 1))
            {
                Clear(number);
            }
        }

        _newest = sequence;
        Set(sequence);
    }

    /// <summary>Records a number behind the newest; true when it had not arrived before (it fills a gap).</summary>
    public bool TryFill(uint sequence)
    {
        if (IsSet(sequence))
        {
            return false;
        }

        Set(sequence);
        return true;
    }

    private bool IsSet(uint sequence) => (_bits[(sequence % Bits) / 64] & (1UL << (int)(sequence % 64))) != 0;

    private void Set(uint sequence) => _bits[(sequence % Bits) / 64] |= 1UL << (int)(sequence % 64);

    private void Clear(uint sequence) => _bits[(sequence % Bits) / 64] &= ~(1UL << (int)(sequence % 64));
}
