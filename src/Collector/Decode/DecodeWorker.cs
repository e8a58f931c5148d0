using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Drains one receive loop's pipe: decodes every framed datagram, then hands the batch of records to the sink.
/// It ends when the receive loop completes the pipe and everything queued has been decoded.
/// </summary>
internal sealed class DecodeWorker(
    int index,
    PipeReader reader,
    DatagramProcessor processor,
    IRecordSink sink,
    IngestStatistics ingest,
    DecodeStatistics statistics,
    ILogger logger)
{
    private readonly byte[] _scratch = new byte[DatagramFrame.HeaderSize + ushort.MaxValue];

    public Task RunAsync() => Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                var (consumed, bytes, frames) = DecodeFrames(buffer);
                Deliver();
                Volatile.Write(ref ingest.BytesDequeued, ingest.BytesDequeued + bytes);
                Volatile.Write(ref ingest.FramesDequeued, ingest.FramesDequeued + frames);
                reader.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            await reader.CompleteAsync();
        }
        catch (Exception e)
        {
            CollectorLog.DecodeWorkerFailed(logger, index, e);
            await reader.CompleteAsync(e);
            throw;
        }
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
        }

        return (frames.Position, frames.Consumed, count);
    }

    private void DecodeOne(ReadOnlySpan<byte> frame)
    {
        try
        {
            processor.Process(frame);
        }
        catch (Exception e)
        {
            // The decoder reports bad data as values; an exception here is a bug. Count it and keep the worker alive.
            statistics.InternalErrors++;
            CollectorLog.DecodeWorkerFailed(logger, index, e);
        }
    }

    private void Deliver()
    {
        var batch = processor.Batch;
        if (batch.FlowCount == 0 && batch.CounterCount == 0)
        {
            return;
        }

        try
        {
            sink.Write(batch.Flows, batch.Counters);
            statistics.FlowRecordsEmitted += batch.FlowCount;
            statistics.CounterRecordsEmitted += batch.CounterCount;
        }
        catch (Exception e)
        {
            statistics.SinkFailures += batch.FlowCount + batch.CounterCount;
            CollectorLog.SinkFailed(logger, sink.Name, e);
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
