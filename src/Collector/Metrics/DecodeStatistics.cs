using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Metrics;

/// <summary>
/// Counters of one decode worker. Only the worker writes them (plain increments, no interlocked cost on the hot path);
/// the metrics scrape sums them across workers. 64-bit reads are atomic on the platforms we run on.
/// </summary>
internal sealed class DecodeStatistics
{
    public long Datagrams;
    public long Decoded;
    public long FlowRecordsEmitted;
    public long CounterRecordsEmitted;
    public long AgentRestarts;
    public long SinkFailures;
    public long InternalErrors;
    public readonly long[] Malformed = new long[Enum.GetValues<SFlowErrorCode>().Length];
    public readonly long[] Samples = new long[Enum.GetValues<SFlowSampleType>().Length];
    public readonly long[] FlowRecords = new long[RecordFormatIndex.FlowSlots];
    public readonly long[] CounterRecords = new long[RecordFormatIndex.CounterSlots];

    /// <summary>Total malformed datagrams over every reason.</summary>
    public long MalformedTotal
    {
        get
        {
            long total = 0;
            for (var i = 0; i < Malformed.Length; i++)
            {
                total += Volatile.Read(ref Malformed[i]);
            }

            return total;
        }
    }
}
