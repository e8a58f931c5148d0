namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// What the rules of one monitor share: its identity, its key budget (spec.maxKeys over all its flow rules) and the
/// eviction counts the metrics report. Kept across <see cref="MonitorEngine.Apply"/> while the monitor exists, so that
/// unchanged rules keep their keys and their budget.
/// </summary>
internal sealed class MonitorState(string ns, string name, string uid)
{
    private uint _random = 0x9E3779B9;

    /// <summary>The monitor's namespace.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The monitor's name.</summary>
    public string Name { get; } = name;

    /// <summary>The monitor's uid (empty for standalone manifests).</summary>
    public string Uid { get; set; } = uid;

    /// <summary>spec.maxKeys.</summary>
    public int MaxKeys { get; set; }

    /// <summary>Flow keys tracked now over all the monitor's flow rules.</summary>
    public int Keys { get; set; }

    /// <summary>Keys evicted to make room for new ones, since the monitor was added.</summary>
    public long Evicted { get; set; }

    /// <summary>New keys not tracked because nothing could be evicted (every sampled key was raised).</summary>
    public long Dropped { get; set; }

    /// <summary>The eviction counts the metrics have already published.</summary>
    public long PublishedEvicted { get; set; }

    /// <summary>The drop count the metrics have already published.</summary>
    public long PublishedDropped { get; set; }

    /// <summary>The label the monitor's metrics carry: namespace/name.</summary>
    public string Label => Namespace + "/" + Name;

    /// <summary>A pseudo-random number for eviction sampling (xorshift32: cheap, and reproducible in tests).</summary>
    public uint NextRandom()
    {
        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        return _random;
    }
}
