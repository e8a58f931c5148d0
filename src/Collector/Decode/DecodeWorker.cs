using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Drains one receive loop's pipe on a thread of its own: decodes every framed datagram, then hands the batch of
/// records to the sink. It ends when the receive loop completes the pipe and everything queued has been decoded.
/// </summary>
/// <remarks>
/// The worker does not use the thread pool: when the pipe is empty it blocks on an event that the receive loop's
/// flush sets directly (the pipe's reader scheduler is inline). A thread-pool continuation per flush cost several
/// microseconds of CPU per datagram at moderate rates, in wake-ups and the pool's spinning.
/// </remarks>
internal sealed class DecodeWorker : IDisposable
{
    private readonly int _index;
    private readonly PipeReader _reader;
    private readonly DatagramProcessor _processor;
    private readonly IRecordSink _sink;
    private readonly IngestStatistics _ingest;
    private readonly DecodeStatistics _statistics;
    private readonly ILogger _logger;
    private readonly byte[] _scratch = new byte[DatagramFrame.HeaderSize + ushort.MaxValue];
    private readonly ManualResetEventSlim _dataReady = new(false);
    private readonly Action _signalDataReady;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    public DecodeWorker(int index, PipeReader reader, DatagramProcessor processor, IRecordSink sink, IngestStatistics ingest, DecodeStatistics statistics, ILogger logger)
    {
        _index = index;
        _reader = reader;
        _processor = processor;
        _sink = sink;
        _ingest = ingest;
        _statistics = statistics;
        _logger = logger;
        _signalDataReady = _dataReady.Set;
        _thread = new Thread(Run) { IsBackground = true, Name = $"netm-decode-{index}" };
    }

    /// <summary>Completes when the worker has decoded everything and stopped; faults if it failed.</summary>
    public Task Completion => _completion.Task;

    public void Start() => _thread.Start();

    private void Run()
    {
        try
        {
            while (true)
            {
                var result = Read();
                var buffer = result.Buffer;
                var (consumed, bytes, frames) = DecodeFrames(buffer);
                Deliver();
                Volatile.Write(ref _ingest.BytesDequeued, _ingest.BytesDequeued + bytes);
                Volatile.Write(ref _ingest.FramesDequeued, _ingest.FramesDequeued + frames);
                _reader.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            _reader.Complete();
            _completion.SetResult();
        }
        catch (Exception e)
        {
            CollectorLog.DecodeWorkerFailed(_logger, _index, e);
            _reader.Complete(e);
            _completion.SetException(e);
        }
    }

    /// <summary>Releases the wait event; call once <see cref="Completion"/> has completed.</summary>
    public void Dispose() => _dataReady.Dispose();

    /// <summary>What is queued, waiting (without the thread pool) for the next flush when nothing is.</summary>
    private ReadResult Read()
    {
        if (_reader.TryRead(out var result))
        {
            return result;
        }

        // The ValueTask is consumed exactly once below, after it completed; the analyzer cannot see through the wait.
#pragma warning disable CA2012
        var pending = _reader.ReadAsync();
#pragma warning restore CA2012
        if (!pending.IsCompleted)
        {
            _dataReady.Reset();
            pending.GetAwaiter().UnsafeOnCompleted(_signalDataReady);
            _dataReady.Wait();
        }

        // The read has completed: either at once, or the wait above returned when the pipe signalled its completion.
        return pending.GetAwaiter().GetResult();
    }

    private (SequencePosition Consumed, long Bytes, long Frames) DecodeFrames(ReadOnlySequence<byte> buffer)
    {
        var frames = new SequenceReader<byte>(buffer);
        long count = 0;
        while (frames.Remaining >= DatagramFrame.HeaderSize)
        {
            var unread = frames.UnreadSpan;
            var payloadLength = unread.Length >= DatagramFrame.HeaderSize
                ? DatagramFrame.ReadPayloadLength(unread)
                : ReadLengthAcrossSegments(frames);
            var frameLength = DatagramFrame.HeaderSize + payloadLength;
            if (frames.Remaining < frameLength)
            {
                break;
            }

            // Frames are written whole into one segment, so the copy below is only a safety net.
            var frame = unread.Length >= frameLength ? unread[..frameLength] : Copy(frames, frameLength);
            DecodeOne(frame);
            frames.Advance(frameLength);
            count++;
            if (_processor.Batch.IsFull)
            {
                Deliver();
            }
        }

        return (frames.Position, frames.Consumed, count);
    }

    private void DecodeOne(ReadOnlySpan<byte> frame)
    {
        try
        {
            _processor.Process(frame);
        }
        catch (Exception e)
        {
            // The decoder reports bad data as values; an exception here is a bug. Count it and keep the worker alive.
            _statistics.InternalErrors++;
            CollectorLog.DecodeWorkerFailed(_logger, _index, e);
        }
    }

    private void Deliver()
    {
        var batch = _processor.Batch;
        if (batch.FlowCount == 0 && batch.CounterCount == 0)
        {
            return;
        }

        try
        {
            _sink.Write(batch.Flows, batch.Counters);
            _statistics.FlowRecordsEmitted += batch.FlowCount;
            _statistics.CounterRecordsEmitted += batch.CounterCount;
        }
        catch (Exception e)
        {
            _statistics.SinkFailures += batch.FlowCount + batch.CounterCount;
            CollectorLog.SinkFailed(_logger, _sink.Name, e);
        }
        finally
        {
            batch.Clear();
        }
    }

    private static int ReadLengthAcrossSegments(SequenceReader<byte> frames)
    {
        Span<byte> header = stackalloc byte[DatagramFrame.HeaderSize];
        frames.TryCopyTo(header);
        return DatagramFrame.ReadPayloadLength(header);
    }

    private ReadOnlySpan<byte> Copy(SequenceReader<byte> frames, int length)
    {
        var destination = _scratch.AsSpan(0, length);
        frames.TryCopyTo(destination);
        return destination;
    }
}
