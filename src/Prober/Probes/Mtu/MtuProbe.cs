using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Mtu;

/// <summary>
/// Path MTU discovery towards a layer 3 destination: ICMP echo requests with Don't Fragment set, binary-searching the
/// largest IP packet that gets a reply. First a minimum-size echo (68 bytes for IPv4, 1280 for IPv6) must be answered,
/// within <see cref="ProbeRequest.Count"/> tries (at least 2), or the verdict says why not (Timeout, Unreachable).
/// Then sizes above the source's interface MTU fail locally at once, a hop's "fragmentation needed" / "packet too big"
/// moves the search straight to the MTU it reports, and silence for <see cref="ProbeRequest.Timeout"/>, twice, counts
/// as too big (a path that drops such ICMP). <c>path_mtu</c> is the largest packet that passed; the round-trip times are those of the echoes.
/// </summary>
public sealed class MtuProbe : ITargetProbe
{
    private const int MinimumV4 = 68;
    private const int MinimumV6 = 1280;
    private const int Unbounded = 65_536;
    private const int MinimumBaselineTries = 2;

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Mtu;

    /// <inheritdoc />
    public async Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (!IPAddress.TryParse(request.Target.Address, out var destination))
        {
            Fail(result, ProbeResult.Types.Verdict.Error, $"the MTU probe needs an IP address, not '{request.Target.Address}'");
            return;
        }

        DfEchoSocket socket;
        try
        {
            socket = await DfEchoSocket.OpenAsync(request.Sockets, destination).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            Fail(result, ProbeResult.Types.Verdict.Error, $"cannot open a raw ICMP socket in {request.Sockets.Description}: {e.Message}");
            return;
        }

        using (socket)
        {
            var tally = new RttTally();
            var largest = await SearchAsync(socket, request, tally, result, cancellationToken).ConfigureAwait(false);
            tally.WriteTo(result);
            result.PathMtu = (uint)largest;
        }
    }

    private static async Task<int> SearchAsync(DfEchoSocket socket, ProbeRequest request, RttTally tally, ProbeResult result, CancellationToken cancellationToken)
    {
        var minimum = socket.Family == AddressFamily.InterNetwork ? MinimumV4 : MinimumV6;
        // The first packets may wait for neighbour discovery on the way: a lost first echo is no verdict yet.
        EchoAnswer baseline;
        var tries = 0;
        do
        {
            baseline = await EchoAsync(socket, minimum, request, tally, cancellationToken).ConfigureAwait(false);
        }
        while (baseline.Kind != EchoAnswerKind.Reply && ++tries < Math.Max(MinimumBaselineTries, request.Count));

        switch (baseline.Kind)
        {
            case EchoAnswerKind.Silence:
                Fail(result, ProbeResult.Types.Verdict.Timeout, $"{SocketErrors.NoReply(request.Timeout)} to a {minimum}-byte echo");
                return 0;
            case EchoAnswerKind.Unreachable:
                Fail(result, ProbeResult.Types.Verdict.Unreachable, baseline.Reason!);
                return 0;
            case EchoAnswerKind.TooBig:
                Fail(result, ProbeResult.Types.Verdict.Error, $"even a {minimum}-byte packet is too big for the path");
                return 0;
        }

        // passed: the largest size answered; failed: the smallest size known not to pass.
        var passed = minimum;
        var failed = Unbounded;
        int? hint = null;
        while (failed - passed > 1)
        {
            var size = hint ?? passed + ((failed - passed) / 2);
            hint = null;
            var answer = await EchoAsync(socket, size, request, tally, cancellationToken).ConfigureAwait(false);
            if (answer.Kind == EchoAnswerKind.Silence)
            {
                // One lost echo must not cut the measurement short: silence counts only when it repeats.
                answer = await EchoAsync(socket, size, request, tally, cancellationToken).ConfigureAwait(false);
            }

            if (answer.Kind == EchoAnswerKind.Reply)
            {
                passed = size;
                continue;
            }

            failed = size;
            if (answer is { Kind: EchoAnswerKind.TooBig, Mtu: > 0 } && answer.Mtu > passed && answer.Mtu < size)
            {
                // Nothing above the reported MTU passes that hop; the MTU itself may, unless a later hop is smaller.
                failed = answer.Mtu + 1;
                hint = answer.Mtu;
            }
        }

        result.Verdict = ProbeResult.Types.Verdict.Reachable;
        result.ErrorReason = string.Empty;
        return passed;
    }

    private static async Task<EchoAnswer> EchoAsync(DfEchoSocket socket, int size, ProbeRequest request, RttTally tally, CancellationToken cancellationToken)
    {
        var answer = await socket.EchoAsync(size, request.Timeout, tally.CountSent, cancellationToken).ConfigureAwait(false);
        if (answer.Kind == EchoAnswerKind.Reply)
        {
            tally.CountReceived(answer.Rtt);
        }

        return answer;
    }

    private static void Fail(ProbeResult result, ProbeResult.Types.Verdict verdict, string reason)
    {
        result.Verdict = verdict;
        result.ErrorReason = reason;
    }
}
