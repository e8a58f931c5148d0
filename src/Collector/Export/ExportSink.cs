using System.Buffers;
using System.Diagnostics;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.Contracts;
using Prometheus;

namespace NetworkMachinery.Collector.Export;

/// <summary>
/// Puts the collector's records on the bus: one message per sFlow datagram and kind (its flows on the flows topic,
/// its counter samples on the counters topic), each record length-delimited, keyed by agent stream. Decode workers
/// only copy their batch into a bounded queue; one exporter task maps, serialises and produces, so that the cost of
/// the bus stays off the decode path. A full queue drops and counts, or blocks the workers (<see cref="ExportFullPolicy"/>).
/// </summary>
internal sealed class ExportSink : IRecordSink
{
    // A decode worker hands over at most this many flows at a time (RecordBatch's size), which sizes the queue in batches.
    private const int RecordsPerBatch = 1024;

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    private readonly IBusProducer _producer;
    private readonly ExportOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<ExportBatch> _queue;
    private readonly ConcurrentQueue<ExportBatch> _pool = new();
    private readonly FlowMessage _flow = new();
    private readonly CounterMessage _counter = new();
    private readonly ArrayBufferWriter<byte> _value = new(16 * 1024);
    private readonly List<(string Topic, byte[] Key, byte[] Value)> _pending = [];
    private readonly Task _exporter;
    private readonly CancellationTokenSource _stopping = new();
    private long _flowsQueued;
    private long _countersQueued;
    private long _flowsDropped;
    private long _countersDropped;
    private long _workerWaits;
    private long _messages;
    private long _recordsExported;

    public ExportSink(IBusProducer producer, ExportOptions options, CollectorRegistry registry, ILogger logger)
    {
        _producer = producer;
        _options = options;
        _logger = logger;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var records = factory.CreateCounter("netm_export_records_total", "Records offered to the Kafka exporter, by kind (flow, counter) and outcome (queued, dropped: the export queue was full).", "kind", "outcome");
        var queued = factory.CreateGauge("netm_export_queue_records", "Records waiting in the export queue.");
        var waits = factory.CreateCounter("netm_export_worker_waits_total", "Times a decode worker waited for room in the export queue (--export-full block).");
        registry.AddBeforeCollectCallback(() =>
        {
            var statistics = GetStatistics();
            records.WithLabels("flow", "queued").IncTo(statistics.FlowsQueued);
            records.WithLabels("flow", "dropped").IncTo(statistics.FlowsDropped);
            records.WithLabels("counter", "queued").IncTo(statistics.CountersQueued);
            records.WithLabels("counter", "dropped").IncTo(statistics.CountersDropped);
            queued.Set(statistics.QueuedRecords);
            waits.IncTo(statistics.WorkerWaits);
        });
        _queue = Channel.CreateBounded<ExportBatch>(new BoundedChannelOptions(Math.Max(1, options.QueueRecords / RecordsPerBatch))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _exporter = Task.Run(ExportAsync);
    }

    public string Name => "bus";

    /// <summary>The producer's own counts (delivered, failed, in flight).</summary>
    public IBusProducer Producer => _producer;

    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        if (flows.IsEmpty && counters.IsEmpty)
        {
            return;
        }

        if (!_pool.TryDequeue(out var batch))
        {
            batch = new ExportBatch();
        }

        batch.Fill(flows, counters);
        if (!_queue.Writer.TryWrite(batch))
        {
            if (_options.FullPolicy == ExportFullPolicy.Drop)
            {
                Interlocked.Add(ref _flowsDropped, flows.Length);
                Interlocked.Add(ref _countersDropped, counters.Length);
                Return(batch);
                return;
            }

            Interlocked.Increment(ref _workerWaits);
            if (!Wait(_queue.Writer.WriteAsync(batch)))
            {
                return;
            }
        }

        Interlocked.Add(ref _flowsQueued, flows.Length);
        Interlocked.Add(ref _countersQueued, counters.Length);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        // Bounded: with the bus away or full, what is still queued or in flight then shows as such in the statistics.
        var clock = Stopwatch.StartNew();
        while (Interlocked.Read(ref _recordsExported) < Interlocked.Read(ref _flowsQueued) + Interlocked.Read(ref _countersQueued)
            && !_exporter.IsCompleted && clock.Elapsed < FlushTimeout)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        var left = FlushTimeout - clock.Elapsed;
        _producer.Flush(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    public ExportStatistics GetStatistics()
    {
        var flows = Interlocked.Read(ref _flowsQueued);
        var counters = Interlocked.Read(ref _countersQueued);
        return new ExportStatistics
        {
            FlowsQueued = flows,
            CountersQueued = counters,
            FlowsDropped = Interlocked.Read(ref _flowsDropped),
            CountersDropped = Interlocked.Read(ref _countersDropped),
            WorkerWaits = Interlocked.Read(ref _workerWaits),
            Messages = Interlocked.Read(ref _messages),
            QueuedRecords = flows + counters - Interlocked.Read(ref _recordsExported),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();

        // An exporter still waiting for a full or absent bus after the grace period gives up; what it held is lost and shows as queued, not exported.
        if (await Task.WhenAny(_exporter, Task.Delay(FlushTimeout)).ConfigureAwait(false) != _exporter)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _exporter.ConfigureAwait(false);
        _stopping.Dispose();
        await _producer.DisposeAsync().ConfigureAwait(false);
    }

    private static bool Wait(ValueTask write)
    {
        try
        {
            write.AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (ChannelClosedException)
        {
            // Stopping: the exporter takes nothing more.
            return false;
        }
    }

    private async Task ExportAsync()
    {
        try
        {
            await ExportBatchesAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
            // The bus went away before the sink (the in-process bus disposed first): nothing more can be exported.
        }
    }

    private async Task ExportBatchesAsync()
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _pending.Clear();
            try
            {
                Serialize(batch.Flows, _flow, _options.Topics.Flows, FlowMessageMapper.Fill, static (in FlowRecord r) => new DatagramId(r.AgentAddress, r.SubAgentId, r.DatagramSequence, r.AgentUptimeMs));
                Serialize(batch.Counters, _counter, _options.Topics.Counters, CounterMessageMapper.Fill, static (in CounterRecord r) => new DatagramId(r.AgentAddress, r.SubAgentId, r.DatagramSequence, r.AgentUptimeMs));
            }
            catch (Exception e)
            {
                // A record the contract cannot carry is a bug; it must not stop the export of everything else.
                CollectorLog.ExportFailed(_logger, e);
            }

            foreach (var (topic, key, value) in _pending)
            {
                if (!_producer.TryProduce(topic, key, value))
                {
                    // The bus is behind or away: wait for it; meanwhile the queue fills and the full policy applies.
                    await _producer.ProduceAsync(topic, key, value, _stopping.Token).ConfigureAwait(false);
                }

                Interlocked.Increment(ref _messages);
            }

            Interlocked.Add(ref _recordsExported, batch.FlowCount + batch.CounterCount);
            Return(batch);
        }
    }

    /// <summary>Turns the records into one pending message per datagram: the datagram's records, each length-delimited.</summary>
    private void Serialize<TRecord, TMessage>(ReadOnlySpan<TRecord> records, TMessage message, string topic, Fill<TMessage, TRecord> fill, DatagramOf<TRecord> datagramOf)
        where TMessage : IMessage
    {
        var start = 0;
        while (start < records.Length)
        {
            var datagram = datagramOf(records[start]);
            _value.ResetWrittenCount();
            var end = start;
            do
            {
                fill(message, records[end]);
                WriteDelimited(message);
                end++;
            }
            while (end < records.Length && datagramOf(records[end]) == datagram);

            _pending.Add((topic, StreamKey.For(datagram.Agent, datagram.SubAgentId), _value.WrittenSpan.ToArray()));
            start = end;
        }
    }

    /// <summary>
    /// Appends the message to the value being built, length-delimited. Written straight into a buffer reused for every
    /// message: a CodedOutputStream over a stream would allocate (and clear) a 4 KiB buffer per message instead.
    /// </summary>
    private void WriteDelimited(IMessage message)
    {
        var size = message.CalculateSize();
        var prefix = CodedOutputStream.ComputeLengthSize(size);
        var span = _value.GetSpan(prefix + size);
        var length = (uint)size;
        var i = 0;
        for (; length >= 0x80; length >>= 7)
        {
            span[i++] = (byte)(length | 0x80);
        }

        span[i] = (byte)length;
        message.WriteTo(span.Slice(prefix, size));
        _value.Advance(prefix + size);
    }

    private delegate void Fill<in TMessage, TRecord>(TMessage message, in TRecord record);

    private delegate DatagramId DatagramOf<TRecord>(in TRecord record);

    private void Return(ExportBatch batch)
    {
        batch.Clear();
        _pool.Enqueue(batch);
    }
}
