using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Sinks;

/// <summary>
/// Writes records as JSON lines (one object per line) to standard output or a file. A write error (disk full,
/// closed pipe) does not stop the collector: the sink stops writing, logs once, and counts what it could not write.
/// </summary>
public sealed class JsonLinesSink : IRecordSink
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private bool _failed;
    private long _written;
    private long _dropped;

    /// <summary>Creates a sink over <paramref name="stream"/>.</summary>
    public JsonLinesSink(Stream stream, bool ownsStream, string name, ILogger logger)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _logger = logger;
        Name = name;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>A sink writing to standard output.</summary>
    public static JsonLinesSink ToStandardOutput(ILogger logger) => new(Console.OpenStandardOutput(), ownsStream: true, "stdout", logger);

    /// <summary>A sink appending to <paramref name="path"/>, created if missing.</summary>
    public static JsonLinesSink ToFile(string path, ILogger logger) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024), ownsStream: true, path, logger);

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Records written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records not written because the output failed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        var count = flows.Length + counters.Length;
        if (count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_failed)
            {
                _dropped += count;
                return;
            }

            foreach (ref readonly var flow in flows)
            {
                RecordJsonWriter.Write(_json, flow);
                EndLine();
            }

            foreach (ref readonly var counter in counters)
            {
                RecordJsonWriter.Write(_json, counter);
                EndLine();
            }

            try
            {
                _stream.Write(_buffer.WrittenSpan);
                _stream.Flush();
                _written += count;
            }
            catch (IOException e)
            {
                _failed = true;
                _dropped += count;
                CollectorLog.SinkFailed(_logger, Name, e);
            }
            finally
            {
                _buffer.ResetWrittenCount();
            }
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_failed)
            {
                try
                {
                    _stream.Flush();
                }
                catch (IOException e)
                {
                    _failed = true;
                    CollectorLog.SinkFailed(_logger, Name, e);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        await _json.DisposeAsync();
        if (_ownsStream)
        {
            try
            {
                await _stream.DisposeAsync();
            }
            catch (IOException)
            {
                // The output is already gone (a closed pipe); nothing is left to save.
            }
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _buffer.Write("\n"u8);
        _json.Reset();
    }
}
