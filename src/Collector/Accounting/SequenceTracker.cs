namespace NetworkMachinery.Collector.Accounting;

/// <summary>
/// Follows one stream of 32-bit sequence numbers and classifies each new number. Arithmetic is modulo 2^32,
/// so a counter wrapping from 4294967295 to 0 is in order, not a reset.
/// </summary>
/// <remarks>
/// A number at most <see cref="ReorderWindow"/> behind the last is a late arrival and does not move the stream;
/// one further behind, or more than <see cref="MaxGap"/> ahead, means the sender restarted its count.
/// Not thread-safe: its owner serialises access.
/// </remarks>
internal struct SequenceTracker
{
    /// <summary>How far behind the last number a late datagram may be before the stream counts as restarted.</summary>
    public const uint ReorderWindow = 1024;

    /// <summary>
    /// A jump ahead larger than this is a discontinuity (the sender started counting from elsewhere), not loss: no
    /// agent sends sixteen million datagrams into a gap while its collector keeps receiving.
    /// </summary>
    public const uint MaxGap = 1 << 24;

    private uint _last;
    private bool _started;

    /// <summary>The last in-order (or gap-closing) number, or null before the first.</summary>
    public readonly uint? Last => _started ? _last : null;

    /// <summary>Classifies <paramref name="sequence"/>; for a gap, <paramref name="missing"/> is how many numbers were skipped.</summary>
    public SequenceStep Observe(uint sequence, out uint missing)
    {
        missing = 0;
        if (!_started)
        {
            _started = true;
            _last = sequence;
            return SequenceStep.First;
        }

        var ahead = unchecked(sequence - _last);
        if (ahead == 1)
        {
            _last = sequence;
            return SequenceStep.InOrder;
        }

        if (ahead != 0 && ahead <= MaxGap)
        {
            missing = ahead - 1;
            _last = sequence;
            return SequenceStep.Gap;
        }

        var behind = unchecked(_last - sequence);
        if (behind <= ReorderWindow)
        {
            return SequenceStep.Late;
        }

        _last = sequence;
        return SequenceStep.Reset;
    }

    /// <summary>Starts the stream again at <paramref name="sequence"/>.</summary>
    public void Restart(uint sequence)
    {
        _started = true;
        _last = sequence;
    }
}
