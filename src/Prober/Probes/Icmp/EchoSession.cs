using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Native;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// The echoes of one ICMP probe on its own raw socket: requests go out with the probe's identifier and a sequence
/// number per attempt, and one receive loop hands each reply, or each ICMP error quoting one of our requests, to the
/// attempt waiting for it.
/// </summary>
internal sealed class EchoSession
{
    private static int _lastIdentifier = Random.Shared.Next();

    private readonly Socket _socket;
    private readonly IPAddress _target;
    private readonly bool _ipv6;
    private readonly int _payloadSize;
    private readonly TimeProvider _time;
    private readonly ushort _identifier;
    private readonly TaskCompletionSource<AttemptOutcome>[] _answers;
    private readonly long[] _sentAt;

    public EchoSession(Socket socket, IPAddress target, int count, int payloadSize, TimeProvider time)
    {
        _socket = socket;
        _target = target;
        _ipv6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        _payloadSize = payloadSize;
        _time = time;

        // The raw socket sees every echo reply of its namespace: the identifier tells ours apart from other probes'.
        _identifier = (ushort)Interlocked.Increment(ref _lastIdentifier);
        _answers = new TaskCompletionSource<AttemptOutcome>[count];
        for (var i = 0; i < count; i++)
        {
            _answers[i] = new TaskCompletionSource<AttemptOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _sentAt = new long[count];
        FilterTypes();
    }

    /// <summary>Sends echo <paramref name="sequence"/> and waits up to <paramref name="timeout"/> for its answer.</summary>
    public async Task<AttemptOutcome> EchoAsync(int sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var message = new byte[EchoMessages.HeaderSize + _payloadSize];
        EchoMessages.WriteRequest(message, _ipv6, _identifier, (ushort)sequence);
        Volatile.Write(ref _sentAt[sequence], _time.GetTimestamp());
        try
        {
            await _socket.SendToAsync(message, SocketFlags.None, new IPEndPoint(_target, 0), cancellationToken);
        }
        catch (SocketException e)
        {
            var (verdict, reason) = SocketErrors.Classify(e.SocketErrorCode);
            return AttemptOutcome.Failed(verdict, reason);
        }

        try
        {
            return await _answers[sequence].Task.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return AttemptOutcome.TimedOut;
        }
    }

    /// <summary>Receives until cancelled, completing the attempts whose answers arrive.</summary>
    public async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        // Big enough for a reply to our own payload; larger datagrams (other probes' replies) are not ours anyway.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(2048, _payloadSize + EchoMessages.HeaderSize + 128));
        EndPoint any = new IPEndPoint(_ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
                {
                    continue;
                }

                var arrived = _time.GetTimestamp();
                var from = ((IPEndPoint)received.RemoteEndPoint).Address;
                if (!EchoMessages.TryRead(buffer.AsSpan(0, received.ReceivedBytes), _ipv6, _target, from, _identifier, out var sequence, out var error)
                    || sequence >= _answers.Length)
                {
                    continue;
                }

                _answers[sequence].TrySetResult(error is null
                    ? AttemptOutcome.Answered(_time.GetElapsedTime(Volatile.Read(ref _sentAt[sequence]), arrived))
                    : AttemptOutcome.Failed(ProbeResult.Types.Verdict.Unreachable, error));
            }
        }
        catch (OperationCanceledException)
        {
            // The probe is done.
        }
        catch (SocketException)
        {
            // The socket failed: the attempts still waiting time out, as without an answer.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Let only echo replies and the errors about requests reach the socket: the kernel drops the rest (neighbour
    // discovery, router advertisements, other hosts' requests) before they cost a wake-up.
    private void FilterTypes()
    {
        if (_ipv6)
        {
            Span<byte> blocked = stackalloc byte[32];
            blocked.Fill(0xFF);
            foreach (var type in EchoMessages.AcceptedTypesV6)
            {
                var word = BinaryPrimitives.ReadUInt32LittleEndian(blocked[(type >> 5 << 2)..]) & ~(1u << (type & 31));
                BinaryPrimitives.WriteUInt32LittleEndian(blocked[(type >> 5 << 2)..], word);
            }

            _socket.SetRawSocketOption(SocketOptionNames.IpProtoIcmpV6, SocketOptionNames.Icmp6Filter, blocked);
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
            _socket.SetRawSocketOption(SocketOptionNames.SolRaw, SocketOptionNames.IcmpFilter, option);
        }
    }
}
