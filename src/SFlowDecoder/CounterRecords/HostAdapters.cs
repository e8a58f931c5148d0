namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2001 (<c>host_adapters</c>): the host's network adapters and their MAC addresses.</summary>
public readonly ref struct HostAdapters : ISFlowRecord<HostAdapters>
{
    private readonly ReadOnlySpan<byte> _adapters;

    private HostAdapters(int count, ReadOnlySpan<byte> adapters)
    {
        Count = count;
        _adapters = adapters;
    }

    /// <summary>Number of adapters.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostAdapters value)
    {
        value = default;
        if (!reader.TryReadCount(8, out var count))
        {
            return false;
        }

        var start = reader.UnreadSpan;
        var before = reader.BytesConsumed;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt32(out _) || !reader.TryReadCount(8, out var macs) || !reader.TryReadFixedOpaque((int)macs * 8, out _))
            {
                return false;
            }
        }

        value = new HostAdapters((int)count, start[..(reader.BytesConsumed - before)]);
        return true;
    }

    /// <summary>Enumerates the adapters.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>One adapter: its ifIndex and MAC addresses.</summary>
    public readonly ref struct Adapter
    {
        private readonly ReadOnlySpan<byte> _macs;

        internal Adapter(uint ifIndex, ReadOnlySpan<byte> macs)
        {
            IfIndex = ifIndex;
            _macs = macs;
        }

        /// <summary>The adapter's ifIndex.</summary>
        public uint IfIndex { get; }

        /// <summary>Number of MAC addresses.</summary>
        public int MacCount => _macs.Length / 8;

        /// <summary>The MAC address at <paramref name="index"/>.</summary>
        public MacAddress GetMac(int index)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)MacCount, nameof(index));
            return MacAddress.Read(_macs.Slice(index * 8, 8));
        }
    }

    /// <summary>Enumerates the adapters of a <see cref="HostAdapters"/> record, which were validated when it was read.</summary>
    public ref struct Enumerator
    {
        private XdrReader _reader;
        private int _remaining;

        internal Enumerator(HostAdapters adapters)
        {
            _reader = new XdrReader(adapters._adapters);
            _remaining = adapters.Count;
            Current = default;
        }

        /// <summary>The current adapter.</summary>
        public Adapter Current { get; private set; }

        /// <summary>Moves to the next adapter.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0 || !_reader.TryReadUInt32(out var ifIndex) || !_reader.TryReadCount(8, out var macs)
                || !_reader.TryReadFixedOpaque((int)macs * 8, out var bytes))
            {
                return false;
            }

            _remaining--;
            Current = new Adapter(ifIndex, bytes);
            return true;
        }
    }
}
