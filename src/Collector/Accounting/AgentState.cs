using System.Runtime.CompilerServices;

namespace NetworkMachinery.Collector.Accounting;

/// <summary>
/// Accounting for one agent stream: datagram sequence gaps, late datagrams, agent restarts, and per data source
/// sample sequence gaps. Updated once per datagram under a lock, since datagrams of one agent may reach two receive loops.
/// </summary>
internal sealed class AgentState
{
    /// <summary>Uptime may step back this much (late datagrams) before it counts as a restart.</summary>
    public const uint UptimeToleranceMs = 10_000;

    /// <summary>At most this many sample streams are followed per agent, so a hostile agent cannot grow memory without bound.</summary>
    public const int MaxSources = 65_536;

    private readonly Lock _lock = new();
    private readonly SourceTable _sources = new();
    private readonly ReceivedWindow _received = new();
    private SequenceTracker _datagrams;
    private uint _lastUptime;
    private long _datagramCount;
    private long _lost;
    private long _late;
    private long _duplicates;
    private long _restarts;
    private long _lostSamples;
    private long _lastSeen;

    /// <summary>Accounts a decoded datagram and the sample sequences it carried.</summary>
    /// <returns>True when this datagram showed that the agent restarted.</returns>
    public bool Observe(uint sequence, uint uptimeMs, ReadOnlySpan<SampleSequence> samples, long nowUnixMs)
    {
        lock (_lock)
        {
            var restarted = ObserveDatagram(sequence, uptimeMs, nowUnixMs);
            foreach (var sample in samples)
            {
                ObserveSample(sample);
            }

            return restarted;
        }
    }

    /// <summary>A consistent copy of the counters.</summary>
    public AgentStatistics Snapshot()
    {
        lock (_lock)
        {
            return new AgentStatistics(_datagramCount, _lost, _late, _duplicates, _restarts, _lostSamples, _lastSeen, _datagrams.Last ?? 0, _lastUptime, _sources.Count);
        }
    }

    private bool ObserveDatagram(uint sequence, uint uptimeMs, long nowUnixMs)
    {
        _datagramCount++;
        _lastSeen = nowUnixMs;
        var step = _datagrams.Observe(sequence, out var missing);
        if (step == SequenceStep.First)
        {
            _received.Reset(sequence);
            _lastUptime = uptimeMs;
            return false;
        }

        if (step == SequenceStep.Reset || UptimeWentBack(uptimeMs))
        {
            // The agent started over: its datagrams and samples count from the beginning again,
            // and the numbers it sent before this one since restarting never arrived.
            _restarts++;
            _sources.Clear();
            _datagrams.Restart(sequence);
            _received.Reset(sequence);
            _lost += sequence > 1 && sequence <= SequenceTracker.ReorderWindow ? sequence - 1 : 0;
            _lastUptime = uptimeMs;
            return true;
        }

        switch (step)
        {
            case SequenceStep.Gap:
                _lost += missing;
                _received.Advance(sequence);
                _lastUptime = uptimeMs;
                break;
            case SequenceStep.Late when _received.TryFill(sequence):
                // It was counted lost when its gap appeared; it arrived after all.
                _late++;
                break;
            case SequenceStep.Late:
                _duplicates++;
                break;
            default:
                _received.Advance(sequence);
                _lastUptime = uptimeMs;
                break;
        }

        return false;
    }

    private bool UptimeWentBack(uint uptimeMs)
    {
        if (uptimeMs >= _lastUptime)
        {
            return false;
        }

        // Uptime is a 32-bit millisecond counter that wraps every 49.7 days; a wrap is not a restart.
        var wrapped = _lastUptime > 0xC000_0000 && uptimeMs < 0x4000_0000;
        return !wrapped && _lastUptime - uptimeMs > UptimeToleranceMs;
    }

    private void ObserveSample(SampleSequence sample)
    {
        ref var tracker = ref _sources.GetOrAdd(sample.Source, MaxSources);
        if (!Unsafe.IsNullRef(ref tracker) && tracker.Observe(sample.Sequence, out var missing) == SequenceStep.Gap)
        {
            _lostSamples += missing;
        }
    }
}
