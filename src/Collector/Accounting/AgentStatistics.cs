namespace NetworkMachinery.Collector.Accounting;

/// <summary>A consistent copy of one agent stream's accounting, for metrics and summaries.</summary>
/// <param name="Datagrams">Datagrams received (decoded or malformed).</param>
/// <param name="LostDatagrams">Datagram sequence numbers skipped when they were due: lost, or late (see <paramref name="LateDatagrams"/>).</param>
/// <param name="LateDatagrams">Datagrams that arrived after a later one, filling a gap already counted in <paramref name="LostDatagrams"/>.</param>
/// <param name="DuplicateDatagrams">Datagrams whose sequence number had already arrived.</param>
/// <param name="Restarts">Times the agent restarted (uptime or sequence went back).</param>
/// <param name="LostSamples">Samples never received, from gaps in the per-source sample sequences.</param>
/// <param name="LastSeenUnixMs">When the last datagram arrived, in milliseconds since the Unix epoch.</param>
/// <param name="LastSequence">The last datagram sequence number in order.</param>
/// <param name="LastUptimeMs">The agent uptime in that datagram.</param>
/// <param name="Sources">Sample streams (data source and sample kind) being followed.</param>
public readonly record struct AgentStatistics(
    long Datagrams,
    long LostDatagrams,
    long LateDatagrams,
    long DuplicateDatagrams,
    long Restarts,
    long LostSamples,
    long LastSeenUnixMs,
    uint LastSequence,
    uint LastUptimeMs,
    int Sources)
{
    /// <summary>Datagrams that never arrived: gaps not filled by late arrivals.</summary>
    public long NetLostDatagrams => LostDatagrams - LateDatagrams;
}
