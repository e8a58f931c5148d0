using System.Runtime.CompilerServices;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// An open-addressing hash table (linear probing, backward-shift deletion, so no tombstones) of flow keys of a fixed
/// number of words, each with a <see cref="FlowEntry"/> and a ring of window buckets. Keys, entries and buckets live
/// in three flat arrays indexed by slot: a lookup touches no object but the arrays, and nothing is allocated per record.
/// </summary>
internal sealed class FlowKeyTable
{
    private const int InitialCapacity = 16;

    private readonly int _stride;
    private readonly int _buckets;
    private ulong[] _keys;
    private FlowEntry[] _entries;
    private double[] _rings;
    private int _mask;

    public FlowKeyTable(int words, int buckets)
    {
        _stride = words;
        _buckets = buckets;
        _keys = new ulong[InitialCapacity * words];
        _entries = new FlowEntry[InitialCapacity];
        _rings = new double[InitialCapacity * buckets];
        _mask = InitialCapacity - 1;
    }

    /// <summary>The keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The slots, used or not, for scanning with <see cref="IsUsed"/>.</summary>
    public int Capacity => _entries.Length;

    /// <summary>The slot of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<ulong> key, ulong hash)
    {
        var slot = (int)hash & _mask;
        while (_entries[slot].Used)
        {
            if (key.SequenceEqual(_keys.AsSpan(slot * _stride, _stride)))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    /// <summary>Adds <paramref name="key"/> (not present), its buckets empty and last written in <paramref name="epoch"/>; returns its slot.</summary>
    public int Insert(ReadOnlySpan<ulong> key, ulong hash, long epoch)
    {
        if ((Count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var slot = (int)hash & _mask;
        while (_entries[slot].Used)
        {
            slot = (slot + 1) & _mask;
        }

        key.CopyTo(_keys.AsSpan(slot * _stride, _stride));
        Ring(slot).Clear();
        _entries[slot] = new FlowEntry { Used = true, Epoch = epoch };
        Count++;
        return slot;
    }

    /// <summary>Whether <paramref name="slot"/> holds a key.</summary>
    public bool IsUsed(int slot) => _entries[slot].Used;

    /// <summary>The entry in <paramref name="slot"/>.</summary>
    public ref FlowEntry Entry(int slot) => ref _entries[slot];

    /// <summary>The key in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<ulong> Key(int slot) => _keys.AsSpan(slot * _stride, _stride);

    /// <summary>The bucket ring of <paramref name="slot"/>.</summary>
    public Span<double> Ring(int slot) => _rings.AsSpan(slot * _buckets, _buckets);

    /// <summary>
    /// Picks a key to evict: among up to <paramref name="sample"/> keys from a pseudo-random slot on, the one least
    /// recently written that is not raised (a raised key is never evicted: its condition would be lost). -1 when none.
    /// </summary>
    public int PickVictim(uint start, int sample)
    {
        var victim = -1;
        var seen = 0;
        for (var i = 0; i < _entries.Length && seen < sample; i++)
        {
            var slot = (int)((start + (uint)i) & (uint)_mask);
            ref var entry = ref _entries[slot];
            if (!entry.Used)
            {
                continue;
            }

            seen++;
            if (!entry.Condition.Raised && (victim < 0 || entry.Epoch < _entries[victim].Epoch))
            {
                victim = slot;
            }
        }

        return victim;
    }

    /// <summary>Removes the key in <paramref name="slot"/>, shifting back the keys after it that probed past it.</summary>
    public void Remove(int slot)
    {
        var hole = slot;
        var next = (hole + 1) & _mask;
        while (_entries[next].Used)
        {
            var home = (int)FlowKeyLayout.Hash(Key(next)) & _mask;

            // The key at next may move into the hole only if its home is not in (hole, next] (cyclically).
            var movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                Move(next, hole);
                hole = next;
            }

            next = (next + 1) & _mask;
        }

        _entries[hole] = default;
        Count--;
    }

    private void Move(int from, int to)
    {
        Key(from).CopyTo(_keys.AsSpan(to * _stride, _stride));
        Ring(from).CopyTo(Ring(to));
        _entries[to] = _entries[from];
    }

    private void Grow()
    {
        var keys = _keys;
        var entries = _entries;
        var rings = _rings;
        var capacity = entries.Length * 2;
        _keys = new ulong[capacity * _stride];
        _entries = new FlowEntry[capacity];
        _rings = new double[capacity * _buckets];
        _mask = capacity - 1;
        Count = 0;
        for (var slot = 0; slot < entries.Length; slot++)
        {
            if (!entries[slot].Used)
            {
                continue;
            }

            var key = keys.AsSpan(slot * _stride, _stride);
            var moved = Insert(key, FlowKeyLayout.Hash(key), entries[slot].Epoch);
            _entries[moved] = entries[slot];
            rings.AsSpan(slot * _buckets, _buckets).CopyTo(Ring(moved));
        }
    }
}
