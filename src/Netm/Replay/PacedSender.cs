using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NetworkMachinery.Collector.Native;

namespace NetworkMachinery.Netm.Replay;

/// <summary>
/// Sends a corpus round-robin over a connected UDP socket, one <c>sendmmsg</c> call per batch, paced as a token
/// bucket one batch deep: each batch is due batch / rate seconds after the one before, so no datagram is timed on its
/// own and the stream never runs faster than the rate for more than one batch. A sender that falls further behind
/// (descheduled, or simply too slow) does not catch up in a burst: it resumes at the rate from where it is, and the
/// time lost is reported (<see cref="ReplayResult.StalledSeconds"/>), because a burst above the rate would test the
/// collector at a rate nobody asked for. Between batches it sleeps (nanosleep) when the next one is far off and spins
/// when it is close.
/// </summary>
internal sealed unsafe class PacedSender : IDisposable
{
    private const int SendBufferBytes = 4 * 1024 * 1024;

    // Closer than this the sleep's own overshoot (the kernel's 50 µs timer slack) would make the batch late.
    private static readonly long SpinBelowTicks = Stopwatch.Frequency / 20_000;

    private readonly ReplayCorpus _corpus;
    private readonly SequenceRenumberer? _renumberer;
    private readonly ReplayOptions _options;
    private readonly Socket _socket;
    private readonly int _fd;
    private readonly int _batch;
    private readonly LinuxSockets.MMsgHdr* _messages;
    private readonly LinuxSockets.IoVec* _vectors;
    private int _next;
    private long _sendErrors;
    private long _refused;
    private long _bytes;
    private long _flowSamples;
    private long _counterSamples;

    /// <summary>Connects a UDP socket to the target; <paramref name="renumberer"/> null sends the datagrams unchanged.</summary>
    /// <exception cref="SocketException">The socket cannot be created or connected.</exception>
    public PacedSender(ReplayCorpus corpus, SequenceRenumberer? renumberer, ReplayOptions options)
    {
        _corpus = corpus;
        _renumberer = renumberer;
        _options = options;
        _socket = new Socket(options.Target.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { SendBufferSize = SendBufferBytes };
        _socket.Connect(options.Target);
        _fd = (int)_socket.Handle;
        LinuxSockets.SetBlocking(_fd);

        // A batch never holds one datagram twice: the renumberer rewrites it in place before the call sends it.
        _batch = Math.Min(options.Batch, corpus.Count);
        _messages = (LinuxSockets.MMsgHdr*)NativeMemory.AllocZeroed((nuint)_batch, (nuint)sizeof(LinuxSockets.MMsgHdr));
        _vectors = (LinuxSockets.IoVec*)NativeMemory.AllocZeroed((nuint)_batch, (nuint)sizeof(LinuxSockets.IoVec));
        for (var i = 0; i < _batch; i++)
        {
            _messages[i].Header.Iov = &_vectors[i];
            _messages[i].Header.IovLength = 1;
        }
    }

    /// <summary>Sends until the count or duration is reached (or once through the corpus when neither is set), or until cancelled.</summary>
    /// <exception cref="IOException">A send failed for a reason other than a full buffer or a refused port.</exception>
    public ReplayResult Run(CancellationToken cancellationToken)
    {
        var limit = _options.Count ?? (_options.Duration is null ? _corpus.Count : long.MaxValue);
        var ticksPerDatagram = _options.Rate > 0 ? (double)Stopwatch.Frequency / _options.Rate : 0;
        var burstTicks = _batch * ticksPerDatagram;
        long sent = 0;
        double stalledTicks = 0;
        var start = Stopwatch.GetTimestamp();
        var end = _options.Duration is { } duration ? start + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var now = start;

        // A double, so that a rate that is not a whole number of ticks per batch does not drift.
        double due = start;
        fixed (byte* data = _corpus.Data)
        {
            while (sent < limit && now < end && !cancellationToken.IsCancellationRequested)
            {
                if (now < due)
                {
                    Wait((long)(due - now));
                    now = Stopwatch.GetTimestamp();
                    continue;
                }

                var behind = now - due;
                if (ticksPerDatagram > 0 && behind > burstTicks)
                {
                    stalledTicks += behind - burstTicks;
                    due = now - burstTicks;
                }

                var count = (int)Math.Min(_batch, limit - sent);
                Fill(data, count);
                SendAll(count);
                sent += count;
                due += count * ticksPerDatagram;
                now = Stopwatch.GetTimestamp();
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
        return new ReplayResult(
            sent, _bytes, elapsed, _options.Rate, stalledTicks / Stopwatch.Frequency, _sendErrors, _refused, _flowSamples, _counterSamples, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        NativeMemory.Free(_messages);
        NativeMemory.Free(_vectors);
    }

    /// <summary>Points the first <paramref name="count"/> messages at the next datagrams of the corpus and counts what they carry.</summary>
    private void Fill(byte* data, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var index = _next;
            _next = index + 1 == _corpus.Count ? 0 : index + 1;
            _renumberer?.Renumber(index);
            ref readonly var datagram = ref _corpus[index];
            _vectors[i].Base = data + datagram.Offset;
            _vectors[i].Length = (nuint)datagram.Length;
            _bytes += datagram.Length;
            _flowSamples += datagram.FlowSamples;
            _counterSamples += datagram.CounterSamples;
        }
    }

    private void SendAll(int count)
    {
        var done = 0;
        while (done < count)
        {
            var result = LinuxSockets.SendMmsg(_fd, _messages + done, (uint)(count - done), 0);
            if (result > 0)
            {
                done += result;
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case LinuxSockets.Eintr:
                    break;
                case LinuxSockets.Eagain or LinuxSockets.Enobufs:
                    _sendErrors++;
                    Thread.Yield();
                    break;
                case LinuxSockets.Econnrefused:
                    // Reports an ICMP port-unreachable for an earlier datagram; this batch was not sent yet.
                    _refused++;
                    break;
                default:
                    throw new IOException($"sendmmsg to {_options.Target} failed: errno {errno}");
            }
        }
    }

    private static void Wait(long ticks)
    {
        if (ticks < SpinBelowTicks)
        {
            Thread.SpinWait(16);
            return;
        }

        var nanoseconds = (long)(ticks * (1e9 / Stopwatch.Frequency));
        var request = new LinuxSockets.TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        LinuxSockets.NanoSleep(&request, null);
    }
}
