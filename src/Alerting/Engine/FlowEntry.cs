namespace NetworkMachinery.Alerting.Engine;

/// <summary>The per-key state of a flow rule besides its key words and its buckets.</summary>
internal struct FlowEntry
{
    /// <summary>Whether the slot holds a key.</summary>
    public bool Used;

    /// <summary>The bucket the key was last written in: what the ring is relative to, and how recently it was seen.</summary>
    public long Epoch;

    /// <summary>The key's own condition (byFlow thresholds).</summary>
    public Condition Condition;
}
