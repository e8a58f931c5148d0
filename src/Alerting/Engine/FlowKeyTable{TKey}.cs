using System.Runtime.CompilerServices;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// An open-addressing hash table (linear probing, backward-shift deletion, so no tombstones) of flow keys, each with
/// the bucket it is being written in (in its slot), a ring of its earlier buckets and its condition (in side arrays
/// indexed by slot, touched once per bucket and at checks). Nothing is allocated per record.
/// </summary>
/// <typeparam name="TKey">The fixed-size key (<see cref="KeyWords"/>).</typeparam>
internal sealed class FlowKeyTable<TKey>
    where TKey : struct
{
    private const int InitialCapacity = 16;
    private const ulong UsedBit = 1UL << 63;

    private readonly int _buckets;
    private FlowSlot<TKey>[] _slots;
    private double[] _rings;
    private Condition[] _conditions;
    private int _mask;

    public FlowKeyTable(int buckets)
    {
        _buckets = buckets;
        _slots = new FlowSlot<TKey>[InitialCapacity];
        _rings = new double[InitialCapacity * buckets];
        _conditions = new Condition[InitialCapacity];
        _mask = InitialCapacity - 1;
    }

    /// <summary>The keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The slots, used or not, for scanning with <see cref="IsUsed"/>.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Adds <paramref name="value"/> to <paramref name="key"/>'s bucket <paramref name="epoch"/>; false when the key is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(in TKey key, ulong hash, long epoch, double value)
    {
        var tagged = hash | UsedBit;
        var slots = _slots;
        var index = (int)hash & _mask;
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Hash == tagged && KeyWords.Of(slot.Key).SequenceEqual(KeyWords.Of(key)))
            {
                if (slot.Epoch == epoch)
                {
                    slot.Current += value;
                }
                else
                {
                    Roll(index, epoch, value);
                }

                return true;
            }

            if (slot.Hash == 0)
            {
                return false;
            }

            index = (index + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="key"/> (not present) with <paramref name="value"/> in bucket <paramref name="epoch"/>.</summary>
    public void Insert(in TKey key, ulong hash, long epoch, double value)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var index = Place(hash);
        _slots[index] = new FlowSlot<TKey> { Key = key, Hash = hash | UsedBit, Epoch = epoch, Current = value };
        Ring(index).Clear();
        _conditions[index] = default;
        Count++;
    }

    /// <summary>Whether <paramref name="index"/> holds a key.</summary>
    public bool IsUsed(int index) => _slots[index].Hash != 0;

    /// <summary>The key in slot <paramref name="index"/>.</summary>
    public ref readonly TKey Key(int index) => ref _slots[index].Key;

    /// <summary>The condition of the key in slot <paramref name="index"/>.</summary>
    public ref Condition Condition(int index) => ref _conditions[index];

    /// <summary>The sum of the window of the key in slot <paramref name="index"/> that ends with bucket <paramref name="closed"/>.</summary>
    public double Sum(int index, long closed)
    {
        ref var slot = ref _slots[index];
        var ring = Ring(index);

        // The ring holds the buckets before slot.Epoch, back to slot.Epoch - n + 1; the window is (closed - n, closed].
        var from = Math.Max(closed, slot.Epoch) - _buckets + 1;
        var to = Math.Min(closed, slot.Epoch);
        var sum = 0.0;
        for (var epoch = from; epoch <= to; epoch++)
        {
            sum += epoch == slot.Epoch ? slot.Current : ring[(int)(epoch % _buckets)];
        }

        return sum;
    }

    /// <summary>
    /// Picks a key to evict: among up to <paramref name="sample"/> keys from a pseudo-random slot on, the one least
    /// recently seen that is not raised (a raised key is never evicted: its condition would be lost). -1 when none.
    /// </summary>
    public int PickVictim(uint start, int sample)
    {
        var victim = -1;
        var seen = 0;
        for (var i = 0; i < _slots.Length && seen < sample; i++)
        {
            var index = (int)((start + (uint)i) & (uint)_mask);
            if (_slots[index].Hash == 0)
            {
                continue;
            }

            seen++;
            if (!_conditions[index].Raised && (victim < 0 || _slots[index].Epoch < _slots[victim].Epoch))
            {
                victim = index;
            }
        }

        return victim;
    }

    /// <summary>Removes <paramref name="key"/>, which is in the table.</summary>
    public void Remove(in TKey key, ulong hash)
    {
        var tagged = hash | UsedBit;
        var index = (int)hash & _mask;
        while (_slots[index].Hash != tagged || !KeyWords.Of(_slots[index].Key).SequenceEqual(KeyWords.Of(key)))
        {
            index = (index + 1) & _mask;
        }

        RemoveAt(index);
    }

    /// <summary>Removes the key in slot <paramref name="index"/>, shifting back the keys after it that probed past it.</summary>
    public void RemoveAt(int index)
    {
        var hole = index;
        var next = (hole + 1) & _mask;
        while (_slots[next].Hash != 0)
        {
            var home = (int)_slots[next].Hash & _mask;

            // The key at next may move into the hole only if its home is not in (hole, next] (cyclically).
            var movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                _slots[hole] = _slots[next];
                _conditions[hole] = _conditions[next];
                Ring(next).CopyTo(Ring(hole));
                hole = next;
            }

            next = (next + 1) & _mask;
        }

        _slots[hole] = default;
        Count--;
    }

    // The key moves on to a later bucket: its current bucket goes into the ring, the buckets it skipped are emptied.
    private void Roll(int index, long epoch, double value)
    {
        ref var slot = ref _slots[index];
        if (epoch < slot.Epoch)
        {
            // A bucket already left behind (only after the clock was set back): count it in the newest one.
            slot.Current += value;
            return;
        }

        var ring = Ring(index);
        ring[(int)(slot.Epoch % _buckets)] = slot.Current;
        var skipped = Math.Min(epoch - slot.Epoch - 1, _buckets);
        for (var i = 1; i <= skipped; i++)
        {
            ring[(int)((slot.Epoch + i) % _buckets)] = 0;
        }

        slot.Epoch = epoch;
        slot.Current = value;
    }

    private Span<double> Ring(int index) => _rings.AsSpan(index * _buckets, _buckets);

    private int Place(ulong hash)
    {
        var index = (int)hash & _mask;
        while (_slots[index].Hash != 0)
        {
            index = (index + 1) & _mask;
        }

        return index;
    }

    private void Grow()
    {
        var slots = _slots;
        var rings = _rings;
        var conditions = _conditions;
        var capacity = slots.Length * 2;
        _slots = new FlowSlot<TKey>[capacity];
        _rings = new double[capacity * _buckets];
        _conditions = new Condition[capacity];
        _mask = capacity - 1;
        for (var old = 0; old < slots.Length; old++)
        {
            if (slots[old].Hash == 0)
            {
                continue;
            }

            var index = Place(slots[old].Hash);
            _slots[index] = slots[old];
            _conditions[index] = conditions[old];
            rings.AsSpan(old * _buckets, _buckets).CopyTo(Ring(index));
        }
    }
}
