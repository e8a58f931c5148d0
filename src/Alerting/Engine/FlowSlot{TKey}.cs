namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// One slot of a <see cref="FlowKeyTable{TKey}"/>: the key, its hash, and the bucket it is being written in with the
/// value so far. A record touches only this: the key's older buckets live in a ring elsewhere, written once per bucket.
/// </summary>
internal struct FlowSlot<TKey>
    where TKey : struct
{
    /// <summary>The key.</summary>
    public TKey Key;

    /// <summary>The key's hash with the top bit set; 0 when the slot is empty.</summary>
    public ulong Hash;

    /// <summary>The bucket being written: the key was last seen in it.</summary>
    public long Epoch;

    /// <summary>The value added in that bucket so far.</summary>
    public double Current;
}
