namespace NetworkMachinery.Collector.Ingest;

/// <summary>
/// Counters of one receive loop. Written only by the loop's thread (and <see cref="BytesDequeued"/> only by its decode
/// worker), read by the metrics scrape; 64-bit reads and writes are atomic on the platforms we run on.
/// </summary>
internal sealed class IngestStatistics
{
    public long Datagrams;
    public long Bytes;
    public long DroppedOversize;
    public long BackpressureEvents;
    public long PausedTicks;
    public long ReceiveErrors;
    public long BytesQueued;
    public long BytesDequeued;
    public long FramesQueued;
    public long FramesDequeued;
}
