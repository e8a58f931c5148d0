using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Native;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// The one raw ICMP (or ICMPv6) socket of a network namespace that every echo probe from it shares: probes send
/// their requests on it, each under an identifier of its own, and one receive loop hands each echo reply, or each
/// ICMP error quoting one of the requests, to the attempt waiting for that identifier and sequence. One socket and
/// one loop per namespace instead of one per probe saves a trip to the namespace switcher, a socket and a receive
/// loop per probe, and every raw socket's copy of every ICMP packet of the namespace. If the loop fails, its
/// waiters fail with the reason at once (never left to time out) and the socket is done; <see cref="EchoSockets"/>
/// opens a new one for the next probe.
/// </summary>
internal sealed class EchoSocket : IDisposable
{
    // An IPv4 raw socket receives whole IP packets, up to 65,535 bytes.
    private const int ReceiveBufferSize = 65_536;

    // Room for the answers of many probes in flight while the loop is busy handing out the previous ones.
    private const int SocketBufferBytes = 4 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly bool _ipv6;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<uint, Waiter> _waiters = new();
    private readonly ConcurrentDictionary<ushort, bool> _identifiers = new();
    private readonly CancellationTokenSource _closing = new();
    private int _lastIdentifier = Random.Shared.Next();
    private volatile string? _failure;

    private EchoSocket(Socket socket, string description, TimeProvider time)
    {
        _socket = socket;
        _ipv6 = socket.AddressFamily == AddressFamily.InterNetworkV6;
        _time = time;
        Description = description;
        _ = ReceiveAsync();
    }

    /// <summary>The namespace the socket is in, for messages.</summary>
    public string Description { get; }

    /// <summary>True once the receive loop has failed: the socket answers nothing any more.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Attempts waiting for their answer now.</summary>
    public int Waiting => _waiters.Count;

    /// <summary>The raw socket, for tests that break it under the receive loop.</summary>
    internal Socket Socket => _socket;

    /// <summary>
    /// Opens the echo socket of <paramref name="sockets"/>' namespace for <paramref name="family"/> (created on the
    /// switcher's thread in the namespace) and starts its receive loop.
    /// </summary>
    /// <exception cref="SocketException">The raw socket cannot be created (no CAP_NET_RAW).</exception>
    /// <exception cref="IOException">The namespace cannot be entered.</exception>
    public static async Task<EchoSocket> OpenAsync(ISocketFactory sockets, AddressFamily family, TimeProvider time)
    {
        var ipv6 = family == AddressFamily.InterNetworkV6;
        var socket = await sockets.CreateAsync(family, SocketType.Raw, ipv6 ? ProtocolType.IcmpV6 : ProtocolType.Icmp).ConfigureAwait(false);
        try
        {
            // .NET receives from bound sockets only; a raw socket bound to the any-address still gets every ICMP packet.
            socket.Bind(new IPEndPoint(ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            socket.ReceiveBufferSize = SocketBufferBytes;
            FilterTypes(socket, ipv6);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new EchoSocket(socket, sockets.Description, time);
    }

    /// <summary>
    /// An identifier for one probe's echoes that no other probe on this socket holds, so that identifier and sequence
    /// name one attempt; give it back with <see cref="ReturnIdentifier"/> when the probe is done.
    /// </summary>
    public ushort TakeIdentifier()
    {
        while (true)
        {
            var identifier = (ushort)Interlocked.Increment(ref _lastIdentifier);
            if (_identifiers.TryAdd(identifier, true))
            {
                return identifier;
            }
        }
    }

    /// <summary>Frees an identifier of <see cref="TakeIdentifier"/>.</summary>
    public void ReturnIdentifier(ushort identifier) => _identifiers.TryRemove(identifier, out _);

    /// <summary>
    /// Sends <paramref name="message"/> (an echo request written with <paramref name="identifier"/> and
    /// <paramref name="sequence"/>) to <paramref name="target"/> and waits up to <paramref name="timeout"/> for its
    /// reply or an ICMP error about it.
    /// </summary>
    public async Task<AttemptOutcome> EchoAsync(
        IPAddress target, ushort identifier, ushort sequence, byte[] message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = Key(identifier, sequence);
        var waiter = new Waiter(target);
        if (!_waiters.TryAdd(key, waiter))
        {
            return AttemptOutcome.Failed(ProbeResult.Types.Verdict.Error, $"echo {identifier}/{sequence} is already waiting for its answer");
        }

        try
        {
            // After registering: a loop failing now either sees this waiter or is seen here.
            if (_failure is { } failure)
            {
                return FailedOutcome(failure);
            }

            waiter.SentAt = _time.GetTimestamp();
            try
            {
                await _socket.SendToAsync(message, SocketFlags.None, new IPEndPoint(target, 0), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                var (verdict, reason) = SocketErrors.Classify(e.SocketErrorCode);
                return AttemptOutcome.Failed(verdict, reason);
            }
            catch (ObjectDisposedException) when (_failure is { } closed)
            {
                return FailedOutcome(closed);
            }

            try
            {
                return await waiter.Answer.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return AttemptOutcome.TimedOut;
            }
        }
        finally
        {
            _waiters.TryRemove(key, out _);
        }
    }

    /// <summary>Stops the receive loop and closes the socket; attempts still waiting fail.</summary>
    public void Dispose()
    {
        Fail("the prober closed the socket");
        _closing.Cancel();
        _socket.Dispose();
    }

    private static uint Key(ushort identifier, ushort sequence) => ((uint)identifier << 16) | sequence;

    private AttemptOutcome FailedOutcome(string failure) =>
        AttemptOutcome.Failed(ProbeResult.Types.Verdict.Error, $"the ICMP echo socket of {Description} failed: {failure}");

    private async Task ReceiveAsync()
    {
        // Start on the pool, not inline in OpenAsync's caller.
        await Task.Yield();
        var buffer = new byte[ReceiveBufferSize];
        EndPoint any = new IPEndPoint(_ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (true)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _closing.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
                {
                    continue;
                }

                Dispatch(buffer.AsSpan(0, received.ReceivedBytes), ((IPEndPoint)received.RemoteEndPoint).Address, _time.GetTimestamp());
            }
        }
        catch (Exception e)
        {
            // Closed by Dispose, or broken: either way no answer comes any more, so nobody may wait for one.
            Fail(e is OperationCanceledException ? "the prober closed the socket" : $"its receive loop stopped: {e.Message}");
            _socket.Dispose();
        }
    }

    private void Dispatch(ReadOnlySpan<byte> received, IPAddress from, long arrived)
    {
        if (!EchoMessages.TryReadKey(received, _ipv6, out var identifier, out var sequence)
            || !_waiters.TryGetValue(Key(identifier, sequence), out var waiter)
            || !EchoMessages.TryRead(received, _ipv6, waiter.Target, from, identifier, out _, out var error))
        {
            return;
        }

        waiter.Answer.TrySetResult(error is null
            ? AttemptOutcome.Answered(_time.GetElapsedTime(waiter.SentAt, arrived))
            : AttemptOutcome.Failed(ProbeResult.Types.Verdict.Unreachable, error));
    }

    private void Fail(string reason)
    {
        if (_failure is not null)
        {
            return;
        }

        _failure = reason;
        var outcome = FailedOutcome(reason);
        foreach (var waiter in _waiters.Values)
        {
            waiter.Answer.TrySetResult(outcome);
        }
    }

    // Let only echo replies and the errors about requests reach the socket: the kernel drops the rest (neighbour
    // discovery, router advertisements, other hosts' requests) before they cost a wake-up.
    private static void FilterTypes(Socket socket, bool ipv6)
    {
        if (ipv6)
        {
            Span<byte> blocked = stackalloc byte[32];
            blocked.Fill(0xFF);
            foreach (var type in EchoMessages.AcceptedTypesV6)
            {
                var word = BinaryPrimitives.ReadUInt32LittleEndian(blocked[(type >> 5 << 2)..]) & ~(1u << (type & 31));
                BinaryPrimitives.WriteUInt32LittleEndian(blocked[(type >> 5 << 2)..], word);
            }

            socket.SetRawSocketOption(SocketOptionNames.IpProtoIcmpV6, SocketOptionNames.Icmp6Filter, blocked);
        }
        else
        {
            var blocked = uint.MaxValue;
            foreach (var type in EchoMessages.AcceptedTypesV4)
            {
                blocked &= ~(1u << type);
            }

            Span<byte> option = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(option, blocked);
            socket.SetRawSocketOption(SocketOptionNames.SolRaw, SocketOptionNames.IcmpFilter, option);
        }
    }

    /// <summary>One attempt waiting for its answer.</summary>
    private sealed class Waiter(IPAddress target)
    {
        public IPAddress Target { get; } = target;

        public long SentAt { get; set; }

        // Completed by the receive loop: continuations must not run on it.
        public TaskCompletionSource<AttemptOutcome> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
