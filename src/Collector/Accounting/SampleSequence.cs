namespace NetworkMachinery.Collector.Accounting;

/// <summary>A sample's sequence number and the stream it belongs to, gathered while a datagram is decoded.</summary>
/// <param name="Source">The stream: sample kind (flow or counters) and data source, packed by <see cref="SourceKey"/>.</param>
/// <param name="Sequence">The sample's sequence number.</param>
internal readonly record struct SampleSequence(ulong Source, uint Sequence)
{
    /// <summary>Packs a sample stream's identity: flow and counter samples of one data source are numbered separately.</summary>
    public static ulong SourceKey(bool counters, uint sourceType, uint sourceIndex) =>
        (counters ? 1UL << 63 : 0) | ((ulong)(sourceType & 0x7FFF_FFFF) << 32) | sourceIndex;
}
