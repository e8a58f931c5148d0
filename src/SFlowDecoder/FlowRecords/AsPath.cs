namespace NetworkMachinery.SFlow;

/// <summary>The AS path of an <see cref="ExtendedGateway"/>: its segments, read in place.</summary>
public readonly ref struct AsPath
{
    private readonly ReadOnlySpan<byte> _segments;

    internal AsPath(uint segmentCount, ReadOnlySpan<byte> segments)
    {
        SegmentCount = (int)segmentCount;
        _segments = segments;
    }

    /// <summary>Number of segments.</summary>
    public int SegmentCount { get; }

    /// <summary>The last AS number of the path (the origin), or 0 for an empty path.</summary>
    public uint LastAs
    {
        get
        {
            uint last = 0;
            foreach (var segment in this)
            {
                if (segment.Numbers.Count > 0)
                {
                    last = segment.Numbers[segment.Numbers.Count - 1];
                }
            }

            return last;
        }
    }

    /// <summary>Reads the segment count and walks the segments once, so their extent is known and valid.</summary>
    internal static bool TryRead(scoped ref XdrReader reader, out AsPath path)
    {
        path = default;
        var start = reader.UnreadSpan;
        var consumedBefore = reader.BytesConsumed;
        if (!reader.TryReadCount(8, out var count))
        {
            return false;
        }

        var segmentsStart = reader.BytesConsumed - consumedBefore;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out _) || !XdrUInt32List.TryRead(ref reader, out _))
            {
                return false;
            }
        }

        path = new AsPath(count, start[segmentsStart..(reader.BytesConsumed - consumedBefore)]);
        return true;
    }

    /// <summary>Enumerates the segments.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the segments of an <see cref="AsPath"/>.</summary>
    public ref struct Enumerator
    {
        private XdrReader _reader;
        private int _remaining;

        internal Enumerator(AsPath path)
        {
            _reader = new XdrReader(path._segments);
            _remaining = path.SegmentCount;
            Current = default;
        }

        /// <summary>The current segment.</summary>
        public AsPathSegment Current { get; private set; }

        /// <summary>Moves to the next segment; the path was validated when read, so this cannot fail part-way.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0 || !_reader.TryReadUInt32(out var type) || !XdrUInt32List.TryRead(ref _reader, out var numbers))
            {
                return false;
            }

            _remaining--;
            Current = new AsPathSegment(type, numbers);
            return true;
        }
    }
}
