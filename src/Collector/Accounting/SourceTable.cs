using System.Runtime.InteropServices;

namespace NetworkMachinery.Collector.Accounting;

/// <summary>
/// The sample sequence trackers of one agent stream, by data source. An agent has a few data sources (Open vSwitch:
/// one per port), so the first ones are found by a linear scan of a small array, faster than hashing for the six or so
/// lookups every datagram makes; beyond that a dictionary takes over.
/// </summary>
internal sealed class SourceTable
{
    private const int LinearCapacity = 32;
    private readonly ulong[] _keys = new ulong[LinearCapacity];
    private readonly SequenceTracker[] _trackers = new SequenceTracker[LinearCapacity];
    private readonly Dictionary<ulong, SequenceTracker> _overflow = [];
    private int _linearCount;

    public int Count => _linearCount + _overflow.Count;

    /// <summary>The tracker of <paramref name="source"/>, added when there is room; a null reference when the table is full.</summary>
    public ref SequenceTracker GetOrAdd(ulong source, int capacity)
    {
        for (var i = 0; i < _linearCount; i++)
        {
            if (_keys[i] == source)
            {
                return ref _trackers[i];
            }
        }

        if (_linearCount < LinearCapacity)
        {
            _keys[_linearCount] = source;
            _trackers[_linearCount] = default;
            return ref _trackers[_linearCount++];
        }

        if (_overflow.Count >= capacity - LinearCapacity && !_overflow.ContainsKey(source))
        {
            return ref System.Runtime.CompilerServices.Unsafe.NullRef<SequenceTracker>();
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(_overflow, source, out _);
    }

    public void Clear()
    {
        _linearCount = 0;
        _overflow.Clear();
    }
}
