using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// The last counter sample of each interface, to turn the next one into growth. The 32-bit counters wrap (growth is
/// taken modulo 2^32); a 64-bit octet counter that goes back, or an agent uptime that goes back, means the agent
/// restarted: that sample only becomes the new baseline.
/// </summary>
internal sealed class InterfaceCounters
{
    private readonly Dictionary<InterfaceKey, (CounterMessage.Types.GenericInterface Counters, uint Uptime)> _last = [];

    /// <summary>Records <paramref name="counters"/> of <paramref name="key"/>; the growth since the previous sample, if there was a usable one.</summary>
    public CounterDelta? Update(InterfaceKey key, CounterMessage.Types.GenericInterface counters, uint uptimeMs)
    {
        var found = _last.TryGetValue(key, out var last);
        _last[key] = (counters, uptimeMs);
        if (!found || uptimeMs < last.Uptime || counters.InOctets < last.Counters.InOctets || counters.OutOctets < last.Counters.OutOctets)
        {
            return null;
        }

        var before = last.Counters;
        return new CounterDelta(
            counters.InOctets - before.InOctets,
            counters.OutOctets - before.OutOctets,
            Grew(InPackets(counters), InPackets(before)),
            Grew(OutPackets(counters), OutPackets(before)),
            Grew(counters.InErrors, before.InErrors),
            Grew(counters.OutErrors, before.OutErrors),
            Grew(counters.InDiscards, before.InDiscards),
            Grew(counters.OutDiscards, before.OutDiscards),
            counters.IfSpeed);
    }

    /// <summary>Forgets every interface (the rule set has no counter rule left).</summary>
    public void Clear() => _last.Clear();

    private static uint InPackets(CounterMessage.Types.GenericInterface c) => unchecked(c.InUnicastPackets + c.InMulticastPackets + c.InBroadcastPackets);

    private static uint OutPackets(CounterMessage.Types.GenericInterface c) => unchecked(c.OutUnicastPackets + c.OutMulticastPackets + c.OutBroadcastPackets);

    private static double Grew(uint now, uint before) => unchecked(now - before);
}
