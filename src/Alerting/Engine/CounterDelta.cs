namespace NetworkMachinery.Alerting.Engine;

/// <summary>How much an interface's counters grew between two of its counter samples.</summary>
internal readonly record struct CounterDelta(
    double InOctets,
    double OutOctets,
    double InPackets,
    double OutPackets,
    double InErrors,
    double OutErrors,
    double InDiscards,
    double OutDiscards,
    ulong Speed);
