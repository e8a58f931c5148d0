using System.Globalization;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Connectivity.Runs;

/// <summary>How a run of a connectivity test is named and how long it may take.</summary>
public static class TestRun
{
    /// <summary>How long a prober may take beyond the probes themselves (scheduling, the bus, a slow node).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The id of the run of spec generation <paramref name="generation"/> started at <paramref name="startedAt"/>: the
    /// status keeps both, so any operator instance derives the same id; ids of later runs sort after earlier ones.
    /// </summary>
    public static string IdOf(long generation, DateTime startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{generation:D12}-{startedAt.ToUniversalTime():yyyyMMdd'T'HHmmss'Z'}");

    /// <summary>How long after its start a run's results may still come: every attempt's interval and the last one's timeout, plus <see cref="Grace"/>.</summary>
    public static TimeSpan Budget(NetworkConnectivityTestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (GoDuration.Parse(spec.Interval) * Math.Max(spec.Count - 1, 0)) + GoDuration.Parse(spec.Timeout) + Grace;
    }
}
