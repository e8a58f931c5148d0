using System.Collections.Concurrent;

namespace NetworkMachinery.Collector.Accounting;

/// <summary>The accounting of every agent stream seen, shared by all decode workers.</summary>
/// <param name="maxAgents">Streams beyond this many are not followed (and counted in <see cref="Untracked"/>), bounding memory and metric series.</param>
internal sealed class AgentTable(int maxAgents)
{
    private readonly ConcurrentDictionary<AgentKey, AgentState> _agents = new();
    private long _untracked;

    /// <summary>Datagrams from streams that were not followed because the table was full.</summary>
    public long Untracked => Interlocked.Read(ref _untracked);

    /// <summary>Number of streams followed.</summary>
    public int Count => _agents.Count;

    /// <summary>The state of <paramref name="key"/>, created on first sight; null when the table is full.</summary>
    public AgentState? Get(AgentKey key)
    {
        if (_agents.TryGetValue(key, out var state))
        {
            return state;
        }

        if (_agents.Count >= maxAgents)
        {
            Interlocked.Increment(ref _untracked);
            return null;
        }

        return _agents.GetOrAdd(key, static _ => new AgentState());
    }

    /// <summary>Copies every stream's accounting.</summary>
    public List<KeyValuePair<AgentKey, AgentStatistics>> Snapshot()
    {
        var result = new List<KeyValuePair<AgentKey, AgentStatistics>>(_agents.Count);
        foreach (var (key, state) in _agents)
        {
            result.Add(new(key, state.Snapshot()));
        }

        return result;
    }
}
