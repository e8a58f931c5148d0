namespace NetworkMachinery.Collector.Export;

/// <summary>What a decode worker does when the exporter's queue is full (the bus is slower than the traffic, or down).</summary>
public enum ExportFullPolicy
{
    /// <summary>
    /// Drop the batch and count it (<c>netm_export_records_total{outcome="dropped"}</c>): decoding, accounting and
    /// the other outputs go on at full speed. The default: a collector should not lose datagrams because of its output.
    /// </summary>
    Drop,

    /// <summary>
    /// Wait for room: the decode worker stops, its receive loop stops reading, and the socket buffer holds what
    /// arrives until it overflows (counted as socket drops). Nothing decoded is lost; datagrams may be.
    /// </summary>
    Block,
}
