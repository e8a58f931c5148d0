using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Decode;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.SFlow;
using Prometheus;

namespace NetworkMachinery.Collector.Hosting;

/// <summary>
/// The sFlow collector: receive loops feed decode workers through bounded pipes, workers decode and account each
/// datagram and hand typed records to the sink. Separate stages as in Akvorado and goflow2: receive, decode, export.
/// </summary>
public sealed class SFlowCollector : IAsyncDisposable
{
    private readonly CollectorOptions _options;
    private readonly IRecordSink _sink;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly AgentTable _agents;
    private readonly List<ReceiveLoop> _loops = [];
    private readonly List<IngestStatistics> _ingest = [];
    private readonly List<DecodeStatistics> _decode = [];
    private readonly List<DecodeWorker> _workers = [];
    private const int SegmentBytes = 64 * 1024;

    // Longer than the runtime's call-counting delay, so that the pause before a round of tiering is not taken for the end of it.
    private static readonly TimeSpan WarmupQuietTime = Max(TimeSpan.FromMilliseconds(300), 3 * TieringDelay());
    private KernelSocketDrops? _kernelDrops;
    private SegmentPool? _segments;
    private int _state;

    /// <summary>Creates a collector; nothing is bound until <see cref="Start"/>.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="sink">Where records go.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="registry">The Prometheus registry to publish metrics in; a private one when null.</param>
    public SFlowCollector(CollectorOptions options, IRecordSink sink, ILoggerFactory loggerFactory, CollectorRegistry? registry = null)
    {
        _options = options;
        _sink = sink;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SFlowCollector>();
        _agents = new AgentTable(options.MaxAgents);
        Registry = registry ?? Prometheus.Metrics.NewCustomRegistry();
        Metrics = new CollectorMetrics(this, Registry);
    }

    /// <summary>The registry holding the collector's metrics.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The address the sockets are bound to (with the real port when 0 was asked for); null before start.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The kernel receive buffer each socket actually got, in bytes.</summary>
    public int ReceiveBufferBytes { get; private set; }

    /// <summary>Completes when every decode worker has finished after <see cref="StopAsync"/>; faults if a worker failed.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    internal CollectorMetrics Metrics { get; }

    /// <summary>Binds the sockets and starts receiving and decoding.</summary>
    /// <exception cref="SocketException">The listen address cannot be bound.</exception>
    /// <exception cref="InvalidOperationException">The collector was already started.</exception>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The collector was already started.");
        }

        var socketOptions = _options.Socket;

        // A frame is written whole into one segment, so a segment must hold the largest frame.
        _segments = new SegmentPool((int)Math.Max(SegmentBytes, BitOperations.RoundUpToPowerOf2((uint)(socketOptions.MaxDatagramBytes + DatagramFrame.HeaderSize))));

        // Before binding: at 300,000 datagrams/s a quarter second of warm-up would overflow even a 64 MiB socket buffer.
        WarmUp(socketOptions);
        var sockets = ListenerSocketFactory.Create(socketOptions);
        LocalEndPoint = (IPEndPoint)sockets[0].LocalEndPoint!;
        ReceiveBufferBytes = sockets[0].ReceiveBufferSize;
        _kernelDrops = new KernelSocketDrops(sockets.Select(s => (int)s.SafeHandle.DangerousGetHandle()));
        var malformedLog = new MalformedDatagramLog(_loggerFactory.CreateLogger("NetworkMachinery.Collector.Malformed"), _options.MalformedLogInterval);
        for (var i = 0; i < sockets.Count; i++)
        {
            var ingest = new IngestStatistics();
            var decode = new DecodeStatistics();
            var processor = new DatagramProcessor(_agents, decode, malformedLog, Metrics.DecodeDuration, _logger);
            var (loop, worker) = CreatePath(i, sockets[i], socketOptions, processor, _sink, ingest, decode);
            _ingest.Add(ingest);
            _decode.Add(decode);
            _loops.Add(loop);
            _workers.Add(worker);
            worker.Start();
            loop.Start();
        }

        Completion = Task.WhenAll(_workers.Select(w => w.Completion));
        CollectorLog.Listening(_logger, LocalEndPoint.ToString(), sockets.Count, ReceiveBufferBytes);
        if (ReceiveBufferBytes < socketOptions.ReceiveBufferBytes)
        {
            CollectorLog.SmallReceiveBuffer(_logger, ReceiveBufferBytes, socketOptions.ReceiveBufferBytes);
        }
    }

    /// <summary>A receive loop and its decode worker, joined by a bounded pipe.</summary>
    private (ReceiveLoop Loop, DecodeWorker Worker) CreatePath(
        int index, Socket socket, SocketOptions options, DatagramProcessor processor, IRecordSink sink, IngestStatistics ingest, DecodeStatistics decode)
    {
        var pipe = new Pipe(new PipeOptions(
            pool: _segments,
            pauseWriterThreshold: options.QueueBytes,
            resumeWriterThreshold: options.QueueBytes / 2,
            minimumSegmentSize: _segments!.BlockSize,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            useSynchronizationContext: false));
        return (new ReceiveLoop(index, socket, pipe.Writer, options, ingest, _logger), new DecodeWorker(index, pipe.Reader, processor, sink, ingest, decode, _logger));
    }

    /// <summary>
    /// Sends the collector's own path (socket, receive loop, pipe, decode worker, decoder) real datagrams over a private
    /// loopback socket, into throwaway state, until the JIT has gone quiet: at least <see cref="CollectorOptions.WarmupTime"/>,
    /// at most <see cref="CollectorOptions.WarmupLimit"/>. The first traffic then meets fully optimised code, rather than
    /// queueing up in front of a worker that runs instrumented code while the JIT, short of CPU beside it, recompiles.
    /// </summary>
    private void WarmUp(SocketOptions options)
    {
        if (_options.WarmupTime <= TimeSpan.Zero)
        {
            return;
        }

        var startMethods = JitInfo.GetCompiledMethodCount();
        var privateOptions = options with { Listen = new IPEndPoint(IPAddress.Loopback, 0), ReceiveLoops = 1 };
        using var socket = ListenerSocketFactory.Create(privateOptions)[0];
        var ingest = new IngestStatistics();
        var decode = new DecodeStatistics();
        var histogram = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()).CreateHistogram("warmup_seconds", "unused");
        var processor = new DatagramProcessor(new AgentTable(1), decode, new MalformedDatagramLog(NullLogger.Instance, TimeSpan.FromHours(1)), histogram, NullLogger.Instance);
        var (loop, worker) = CreatePath(-1, socket, privateOptions, processor, new NullSink(), ingest, decode);
        using (loop)
        using (worker)
        {
            worker.Start();
            loop.Start();
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var target = socket.LocalEndPoint!;
            var clock = Stopwatch.StartNew();
            var methods = JitInfo.GetCompiledMethodCount();
            var lastCompile = TimeSpan.Zero;
            while (clock.Elapsed < _options.WarmupLimit && (clock.Elapsed < _options.WarmupTime || clock.Elapsed - lastCompile < WarmupQuietTime))
            {
                foreach (var datagram in WarmupDatagrams.All)
                {
                    sender.SendTo(datagram, target);
                }

                if (JitInfo.GetCompiledMethodCount() is var compiled && compiled != methods)
                {
                    methods = compiled;
                    lastCompile = clock.Elapsed;
                }
            }

            loop.Stop();
            worker.Completion.Wait(TimeSpan.FromSeconds(5));
            var limited = clock.Elapsed >= _options.WarmupLimit ? " (stopped at the limit; the JIT was still compiling)" : "";
            CollectorLog.WarmedUp(_logger, clock.ElapsedMilliseconds, decode.Decoded, JitInfo.GetCompiledMethodCount() - startMethods, limited);
        }
    }

    /// <summary>Stops receiving, decodes everything already queued, and flushes the sink.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        foreach (var loop in _loops)
        {
            loop.Stop();
        }

        try
        {
            await Completion;
        }
        finally
        {
            await _sink.FlushAsync();
        }
    }

    /// <summary>Everything counted so far.</summary>
    public CollectorStatistics GetStatistics()
    {
        var malformed = new Dictionary<SFlowErrorCode, long>();
        var samples = new Dictionary<SFlowSampleType, long>();
        foreach (var code in Enum.GetValues<SFlowErrorCode>().Where(c => c != SFlowErrorCode.None))
        {
            malformed[code] = _decode.Sum(d => Volatile.Read(ref d.Malformed[(int)code]));
        }

        foreach (var type in Enum.GetValues<SFlowSampleType>())
        {
            samples[type] = _decode.Sum(d => Volatile.Read(ref d.Samples[(int)type]));
        }

        long lostDatagrams = 0, lostSamples = 0;
        var agents = _agents.Snapshot();
        foreach (var (_, agent) in agents)
        {
            lostDatagrams += agent.NetLostDatagrams;
            lostSamples += agent.LostSamples;
        }

        return new CollectorStatistics
        {
            DatagramsReceived = _ingest.Sum(s => Volatile.Read(ref s.Datagrams)),
            BytesReceived = _ingest.Sum(s => Volatile.Read(ref s.Bytes)),
            DatagramsDecoded = _decode.Sum(d => Volatile.Read(ref d.Decoded)),
            DatagramsMalformed = malformed.Values.Sum(),
            MalformedByReason = malformed,
            DroppedOversize = _ingest.Sum(s => Volatile.Read(ref s.DroppedOversize)),
            DroppedSocketBuffer = _kernelDrops?.Read() ?? 0,
            InternalErrors = _decode.Sum(d => Volatile.Read(ref d.InternalErrors)),
            Samples = samples,
            FlowRecords = _decode.Sum(d => Volatile.Read(ref d.FlowRecordsEmitted)),
            CounterRecords = _decode.Sum(d => Volatile.Read(ref d.CounterRecordsEmitted)),
            LostDatagrams = lostDatagrams,
            LostSamples = lostSamples,
            AgentRestarts = _decode.Sum(d => Volatile.Read(ref d.AgentRestarts)),
            Agents = agents.Count,
            QueuedBytes = _ingest.Sum(s => Volatile.Read(ref s.BytesQueued) - Volatile.Read(ref s.BytesDequeued)),
            QueuedDatagrams = _ingest.Sum(s => Volatile.Read(ref s.FramesQueued) - Volatile.Read(ref s.FramesDequeued)),
            BackpressureEvents = _ingest.Sum(s => Volatile.Read(ref s.BackpressureEvents)),
            ReceivePausedSeconds = _ingest.Sum(s => Volatile.Read(ref s.PausedTicks)) / (double)Stopwatch.Frequency,
            ReceiveErrors = _ingest.Sum(s => Volatile.Read(ref s.ReceiveErrors)),
            SinkFailures = _decode.Sum(d => Volatile.Read(ref d.SinkFailures)),
        };
    }

    /// <summary>Every agent stream's accounting.</summary>
    public IReadOnlyList<KeyValuePair<AgentKey, AgentStatistics>> GetAgents() => _agents.Snapshot();

    /// <summary>Per-record-format counts over all workers, indexed as <see cref="RecordFormatIndex"/>.</summary>
    internal (long[] Flow, long[] Counter) GetRecordCounts()
    {
        var flow = new long[RecordFormatIndex.FlowSlots];
        var counter = new long[RecordFormatIndex.CounterSlots];
        foreach (var decode in _decode)
        {
            for (var i = 0; i < flow.Length; i++)
            {
                flow[i] += Volatile.Read(ref decode.FlowRecords[i]);
            }

            for (var i = 0; i < counter.Length; i++)
            {
                counter[i] += Volatile.Read(ref decode.CounterRecords[i]);
            }
        }

        return (flow, counter);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }

        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        _segments?.Dispose();
    }

    /// <summary>
    /// The runtime's call-counting delay: DOTNET_TC_CallCountingDelayMs (hexadecimal, as the runtime reads it), else
    /// 100 ms; ten times that when the process may use one CPU only.
    /// </summary>
    private static TimeSpan TieringDelay()
    {
        var configured = Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs");
        var milliseconds = uint.TryParse(configured, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : 100u;
        return TimeSpan.FromMilliseconds(Environment.ProcessorCount == 1 ? milliseconds * 10.0 : milliseconds);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
