using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Native;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>
/// One receive loop: a dedicated thread that pulls batches of datagrams from its socket with <c>recvmmsg</c> and
/// frames them into a pipe for its decode worker. When the worker falls behind and the pipe is full, the loop stops
/// receiving until the worker has caught up (Kestrel's backpressure): what arrives meanwhile waits in the socket's
/// receive buffer, and this thread's CPU goes to the worker instead of to reading datagrams it would have to discard.
/// Only when that buffer overflows too does the kernel drop, and count, datagrams.
/// </summary>
internal sealed unsafe class ReceiveLoop : IDisposable
{
    private readonly Socket _socket;
    private readonly int _fd;
    private readonly PipeWriter _writer;
    private readonly IngestStatistics _statistics;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private readonly int _maxDatagram;
    private readonly LinuxSockets.TimeSpec _coalesce;
    private readonly byte* _payloads;
    private readonly byte* _addresses;
    private readonly LinuxSockets.IoVec* _vectors;
    private readonly LinuxSockets.MMsgHdr* _messages;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public ReceiveLoop(int index, Socket socket, PipeWriter writer, SocketOptions options, IngestStatistics statistics, ILogger logger)
    {
        _socket = socket;
        _fd = (int)socket.SafeHandle.DangerousGetHandle();
        _writer = writer;
        _statistics = statistics;
        _logger = logger;
        _batchSize = options.BatchSize;
        _maxDatagram = options.MaxDatagramBytes;
        _coalesce = new LinuxSockets.TimeSpec { Seconds = 0, Nanoseconds = (long)options.CoalesceDelay.TotalMicroseconds * 1000 };

        // Native, never-moving memory: the kernel writes into it while the garbage collector runs.
        _payloads = (byte*)NativeMemory.AlignedAlloc((nuint)(_batchSize * _maxDatagram), 64);
        _addresses = (byte*)NativeMemory.AllocZeroed((nuint)(_batchSize * LinuxSockets.SockaddrIn6Size));
        _vectors = (LinuxSockets.IoVec*)NativeMemory.AllocZeroed((nuint)_batchSize, (nuint)sizeof(LinuxSockets.IoVec));
        _messages = (LinuxSockets.MMsgHdr*)NativeMemory.AllocZeroed((nuint)_batchSize, (nuint)sizeof(LinuxSockets.MMsgHdr));
        for (var i = 0; i < _batchSize; i++)
        {
            _vectors[i].Base = _payloads + (i * _maxDatagram);
            _vectors[i].Length = (nuint)_maxDatagram;
            _messages[i].Header.Iov = &_vectors[i];
            _messages[i].Header.IovLength = 1;
            _messages[i].Header.Name = _addresses + (i * LinuxSockets.SockaddrIn6Size);
            _messages[i].Header.NameLength = LinuxSockets.SockaddrIn6Size;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = $"netm-receive-{index}" };
    }

    /// <summary>Set when the loop stopped because of an unexpected error.</summary>
    public Exception? Fault { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>Stops receiving and completes the pipe; the decode worker then drains what is queued.</summary>
    public void Stop()
    {
        _stopping = true;

        // A loop waiting for a worker that is behind stops waiting; what it queued stays queued.
        _writer.CancelPendingFlush();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    public void Dispose()
    {
        Stop();
        _socket.Dispose();
        NativeMemory.AlignedFree(_payloads);
        NativeMemory.Free(_addresses);
        NativeMemory.Free(_vectors);
        NativeMemory.Free(_messages);
    }

    private void Run()
    {
        try
        {
            while (!_stopping)
            {
                var received = LinuxSockets.RecvMmsg(_fd, _messages, (uint)_batchSize, LinuxSockets.MsgWaitForOne, null);
                if (received > 0)
                {
                    if (!Enqueue(received))
                    {
                        break;
                    }

                    if (received < _batchSize && _coalesce.Nanoseconds > 0)
                    {
                        // The socket is drained: let the next datagrams gather rather than wake up for each one.
                        var delay = _coalesce;
                        LinuxSockets.NanoSleep(&delay, null);
                    }
                }
                else if (received < 0 && !HandleReceiveError(Marshal.GetLastPInvokeError()))
                {
                    break;
                }
            }

            _writer.Complete();
        }
        catch (Exception e)
        {
            Fault = e;
            CollectorLog.ReceiveLoopFailed(_logger, _thread.Name, e);
            _writer.Complete(e);
        }
    }

    /// <summary>Frames the received batch into the pipe; false when the reader has gone away or the loop is stopping.</summary>
    private bool Enqueue(int count)
    {
        _statistics.Datagrams += count;
        var now = UnixTime.NowNanoseconds();
        long bytes = 0, queued = 0, frames = 0;
        for (var i = 0; i < count; i++)
        {
            ref var message = ref _messages[i];
            var length = (int)message.Length;
            bytes += length;
            if ((message.Header.Flags & LinuxSockets.MsgTrunc) != 0)
            {
                _statistics.DroppedOversize++;
            }
            else
            {
                var frameSize = DatagramFrame.HeaderSize + length;
                var frame = _writer.GetSpan(frameSize);
                var address = new ReadOnlySpan<byte>(_addresses + (i * LinuxSockets.SockaddrIn6Size), (int)Math.Min(message.Header.NameLength, LinuxSockets.SockaddrIn6Size));
                DatagramFrame.WriteHeader(frame, length, address, now);
                new ReadOnlySpan<byte>(_payloads + (i * _maxDatagram), length).CopyTo(frame[DatagramFrame.HeaderSize..]);
                _writer.Advance(frameSize);
                queued += frameSize;
                frames++;
            }

            message.Header.NameLength = LinuxSockets.SockaddrIn6Size;
            message.Header.Flags = 0;
        }

        _statistics.Bytes += bytes;
        Volatile.Write(ref _statistics.BytesQueued, _statistics.BytesQueued + queued);
        Volatile.Write(ref _statistics.FramesQueued, _statistics.FramesQueued + frames);
        var flush = _writer.FlushAsync();
        var result = flush.IsCompleted ? flush.GetAwaiter().GetResult() : WaitForWorker(flush);
        return !(result.IsCompleted || result.IsCanceled);
    }

    /// <summary>Blocks this dedicated thread until the worker has drained the pipe below its resume threshold.</summary>
    private FlushResult WaitForWorker(ValueTask<FlushResult> flush)
    {
        _statistics.BackpressureEvents++;
        var start = Stopwatch.GetTimestamp();

        // The one allocation of the loop, once per pause: a ValueTask cannot be waited on synchronously.
        var result = flush.AsTask().GetAwaiter().GetResult();
        Volatile.Write(ref _statistics.PausedTicks, _statistics.PausedTicks + (Stopwatch.GetTimestamp() - start));
        return result;
    }

    /// <summary>Timeouts and interrupts are normal; a closed socket ends the loop; anything else is counted and logged.</summary>
    private bool HandleReceiveError(int errno)
    {
        switch (errno)
        {
            case LinuxSockets.Eagain or LinuxSockets.Eintr:
                return true;
            case LinuxSockets.Ebadf or LinuxSockets.Enotsock:
                return false;
            default:
                _statistics.ReceiveErrors++;
                CollectorLog.ReceiveError(_logger, _thread.Name, errno);
                Thread.Sleep(10);
                return true;
        }
    }
}
