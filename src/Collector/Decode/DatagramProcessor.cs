using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.SFlow;
using Prometheus;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Decodes one datagram at a time for a decode worker: validates it whole, turns its samples into records in the
/// worker's batch, and accounts it against its agent. A malformed datagram contributes no records at all.
/// </summary>
internal sealed class DatagramProcessor(
    AgentTable agents,
    DecodeStatistics statistics,
    MalformedDatagramLog malformedLog,
    Histogram decodeDuration,
    ILogger logger)
{
    // Timing every datagram would cost about as much as decoding a small one; every 16th is a fair sample.
    private const int TimingSampleMask = 15;

    private readonly TextCache _text = new();
    private AgentKey _lastAgentKey;
    private AgentState? _lastAgent;
    private SampleSequence[] _sequences = new SampleSequence[64];
    private long _processed;

    /// <summary>The records decoded since the batch was last handed on.</summary>
    public RecordBatch Batch { get; } = new();

    /// <summary>Decodes one frame (<see cref="DatagramFrame"/> header and payload).</summary>
    public void Process(ReadOnlySpan<byte> frame)
    {
        statistics.Datagrams++;
        var started = (++_processed & TimingSampleMask) == 0 ? Stopwatch.GetTimestamp() : 0;
        var payload = frame[DatagramFrame.HeaderSize..];
        var reader = new SFlowDatagramReader(payload);
        if (!reader.TryReadHeader(out var header))
        {
            Malformed(reader.Error, frame, payload.Length);
            return;
        }

        var receivedNs = DatagramFrame.ReadReceivedUnixNs(frame);
        var flowMark = Batch.FlowCount;
        var counterMark = Batch.CounterCount;
        var sequences = 0;
        var error = default(SFlowError);
        while (reader.TryReadSample(out var sample))
        {
            var sampleHeader = sample.Header;
            statistics.Samples[(int)sampleHeader.Type]++;
            if (sampleHeader.HasFlowRecords)
            {
                ref var flow = ref Batch.AddFlow();
                flow.TimeReceivedNs = receivedNs;
                flow.AgentAddress = header.AgentAddress;
                flow.SubAgentId = header.SubAgentId;
                flow.DatagramSequence = header.SequenceNumber;
                flow.AgentUptimeMs = header.UptimeMs;
                if (!FlowRecordBuilder.TryBuild(ref flow, sample, statistics, out error))
                {
                    break;
                }
            }
            else if (sampleHeader.HasCounterRecords)
            {
                ref var counters = ref Batch.AddCounter();
                counters.TimeReceivedNs = receivedNs;
                counters.AgentAddress = header.AgentAddress;
                counters.SubAgentId = header.SubAgentId;
                counters.DatagramSequence = header.SequenceNumber;
                counters.AgentUptimeMs = header.UptimeMs;
                if (!CounterRecordBuilder.TryBuild(ref counters, sample, _text, statistics, out error))
                {
                    break;
                }
            }
            else
            {
                continue;
            }

            if (sequences == _sequences.Length)
            {
                Array.Resize(ref _sequences, sequences * 2);
            }

            _sequences[sequences++] = new SampleSequence(
                SampleSequence.SourceKey(sampleHeader.HasCounterRecords, sampleHeader.Source.Type, sampleHeader.Source.Index),
                sampleHeader.SequenceNumber);
        }

        if (!error.IsError)
        {
            error = reader.Error;
        }

        var agent = Agent(new AgentKey(header.AgentAddress, header.SubAgentId));
        var nowMs = receivedNs / 1_000_000;
        if (error.IsError)
        {
            // The header was sound, so the datagram did arrive: its sequence number still counts, its samples do not.
            Batch.Truncate(flowMark, counterMark);
            agent?.Observe(header.SequenceNumber, header.UptimeMs, [], nowMs);
            Malformed(error, frame, payload.Length);
            return;
        }

        if (agent?.Observe(header.SequenceNumber, header.UptimeMs, _sequences.AsSpan(0, sequences), nowMs) == true)
        {
            statistics.AgentRestarts++;
            CollectorLog.AgentRestarted(logger, header.AgentAddress.ToString(), header.SubAgentId, header.SequenceNumber, header.UptimeMs);
        }

        statistics.Decoded++;
        if (started != 0)
        {
            decodeDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The agent's state; a worker sees long runs from one agent, so the last one is remembered.</summary>
    private AgentState? Agent(AgentKey key)
    {
        if (_lastAgent is null || !key.Equals(_lastAgentKey))
        {
            _lastAgent = agents.Get(key);
            _lastAgentKey = key;
        }

        return _lastAgent;
    }

    private void Malformed(SFlowError error, ReadOnlySpan<byte> frame, int length)
    {
        statistics.Malformed[(int)error.Code]++;
        var (sender, port) = DatagramFrame.ReadSender(frame);
        malformedLog.Report(error, sender, port, length);
    }
}
