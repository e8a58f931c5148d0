namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// The values of <see cref="MonitorThreshold.Metric"/>: interface counters from the sFlow counter samples (per
/// interface, per second over the window) and probe figures from the connectivity tests' results (per test, source
/// and destination, over the window). docs/alerting.md says how each is computed.
/// </summary>
public static class MonitorMetric
{
    /// <summary>Octets received per second.</summary>
    public const string IfInOctets = "ifInOctets";

    /// <summary>Octets sent per second.</summary>
    public const string IfOutOctets = "ifOutOctets";

    /// <summary>Packets received per second (unicast, multicast and broadcast).</summary>
    public const string IfInPackets = "ifInPackets";

    /// <summary>Packets sent per second (unicast, multicast and broadcast).</summary>
    public const string IfOutPackets = "ifOutPackets";

    /// <summary>Receive errors per second.</summary>
    public const string IfInErrors = "ifInErrors";

    /// <summary>Send errors per second.</summary>
    public const string IfOutErrors = "ifOutErrors";

    /// <summary>Received packets discarded per second.</summary>
    public const string IfInDiscards = "ifInDiscards";

    /// <summary>Packets to send discarded per second.</summary>
    public const string IfOutDiscards = "ifOutDiscards";

    /// <summary>Receive utilisation: bits received per second as a percentage of the interface's speed.</summary>
    public const string IfInUtilization = "ifInUtilization";

    /// <summary>Send utilisation: bits sent per second as a percentage of the interface's speed.</summary>
    public const string IfOutUtilization = "ifOutUtilization";

    /// <summary>The mean packet loss of the probes in the window (percent).</summary>
    public const string ProbeLossPercent = "probeLossPercent";

    /// <summary>The mean average round-trip time of the answered probes in the window (milliseconds).</summary>
    public const string ProbeRttMs = "probeRttMs";

    /// <summary>The probes in the window whose verdict is not reachable (a count).</summary>
    public const string ProbeFailures = "probeFailures";

    /// <summary>Every counter metric.</summary>
    public static IReadOnlyList<string> Counters { get; } =
        [IfInOctets, IfOutOctets, IfInPackets, IfOutPackets, IfInErrors, IfOutErrors, IfInDiscards, IfOutDiscards, IfInUtilization, IfOutUtilization];

    /// <summary>Every probe metric.</summary>
    public static IReadOnlyList<string> Probes { get; } = [ProbeLossPercent, ProbeRttMs, ProbeFailures];
}
