using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Dns;

namespace NetworkMachinery.Prober.Probes.Http;

/// <summary>
/// GETs <c>http_path</c> from an HTTP or HTTPS destination with a minimal HTTP/1.1 client of our own over the source
/// namespace's sockets, <see cref="ProbeRequest.Count"/> times. Any HTTP response is Reachable and its status is
/// recorded; a failed connect is classified like a TCP probe's (refused, unreachable, timeout); a failed TLS handshake
/// (an untrusted certificate unless <c>insecure_skip_tls_verify</c>) is an Error that says why. A destination without an
/// address is resolved by name with the source's resolv.conf first (the <c>dns</c> phase). The round-trip times are
/// whole requests (connect to the end of the response's headers); the phases are those of the first answered request,
/// or of the last one when none was.
/// </summary>
public sealed class HttpProbe : ITargetProbe
{
    private const int DefaultHttpPort = 80;
    private const int DefaultHttpsPort = 443;

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Http;

    /// <inheritdoc />
    public async Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var destination = request.Target;
        if (destination.Protocol is not (ProbeResult.Types.Destination.Types.Protocol.Http or ProbeResult.Types.Destination.Types.Protocol.Https))
        {
            Fail(result, ProbeResult.Types.Verdict.Error, $"an HTTP probe needs an HTTP or HTTPS destination, not {destination.Protocol}");
            return;
        }

        var tls = destination.Protocol == ProbeResult.Types.Destination.Types.Protocol.Https;
        var port = destination.Port == 0 ? (tls ? DefaultHttpsPort : DefaultHttpPort) : (int)destination.Port;
        var hostName = destination.Kind == ProbeResult.Types.Destination.Types.Kind.Dns && destination.Name.Length > 0
            ? destination.Name.TrimEnd('.')
            : destination.Address;
        var path = destination.HttpPath.Length == 0 ? "/" : destination.HttpPath.StartsWith('/') ? destination.HttpPath : "/" + destination.HttpPath;
        var authority = (hostName.Contains(':', StringComparison.Ordinal) ? $"[{hostName}]" : hostName)
            + (port == (tls ? DefaultHttpsPort : DefaultHttpPort) ? string.Empty : $":{port}");
        result.Http = new ProbeResult.Types.Http { Url = $"{(tls ? "https" : "http")}://{authority}{path}" };
        if (hostName.Length == 0)
        {
            Fail(result, ProbeResult.Types.Verdict.Error, "the HTTP destination has neither an address nor a host name");
            return;
        }

        var address = await AddressAsync(request, hostName, result, cancellationToken).ConfigureAwait(false);
        if (address is null)
        {
            return;
        }

        var target = new HttpTarget(new IPEndPoint(address, port), authority, hostName, path, tls, destination.InsecureSkipTlsVerify);
        var tally = new RttTally();
        HttpAttempt? reported = null;
        for (var i = 0; i < Math.Max(1, request.Count); i++)
        {
            var attemptStarted = Stopwatch.GetTimestamp();
            tally.CountSent();
            var attempt = await HttpExchange.GetAsync(request.Sockets, target, request.Timeout, cancellationToken).ConfigureAwait(false);
            if (attempt.StatusCode is not null)
            {
                tally.CountReceived(attempt.Total);
            }

            if (reported?.StatusCode is null)
            {
                reported = attempt;
            }

            var pause = request.Interval - Stopwatch.GetElapsedTime(attemptStarted);
            if (i + 1 < request.Count && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }

        tally.WriteTo(result);
        result.Verdict = reported!.Verdict;
        result.ErrorReason = reported.Failure;
        result.Http.StatusCode = (uint)(reported.StatusCode ?? 0);
        result.Http.ConnectNs = Nanoseconds(reported.Connect);
        result.Http.TlsNs = Nanoseconds(reported.Tls);
        result.Http.FirstByteNs = Nanoseconds(reported.FirstByte);
    }

    private static async Task<IPAddress?> AddressAsync(ProbeRequest request, string hostName, ProbeResult result, CancellationToken cancellationToken)
    {
        var destination = request.Target;
        if (destination.Address.Length > 0)
        {
            if (IPAddress.TryParse(destination.Address, out var given))
            {
                return given;
            }

            Fail(result, ProbeResult.Types.Verdict.Error, $"'{destination.Address}' is not an IP address");
            return null;
        }

        var (resolver, error) = await ResolverLoader.LoadAsync(request, cancellationToken).ConfigureAwait(false);
        if (resolver is null)
        {
            Fail(result, ProbeResult.Types.Verdict.Error, error!);
            return null;
        }

        var lookup = await resolver.LookupAsync(hostName, cancellationToken).ConfigureAwait(false);
        result.Http.DnsNs = Nanoseconds(lookup.Elapsed);
        if (lookup.Addresses.Count == 0)
        {
            Fail(result, lookup.Verdict, $"resolving {hostName}: {lookup.Failure}");
            return null;
        }

        // IPv4 first: pods often have no IPv6 route, and the choice stays predictable (no RFC 6724 sorting).
        var chosen = lookup.Addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? lookup.Addresses[0];
        if (result.Destination is { Address.Length: 0 } reported)
        {
            reported.Address = chosen.ToString();
        }

        return chosen;
    }

    private static void Fail(ProbeResult result, ProbeResult.Types.Verdict verdict, string reason)
    {
        result.Verdict = verdict;
        result.ErrorReason = reason;
    }

    private static ulong Nanoseconds(TimeSpan duration) => (ulong)(Math.Max(0, duration.Ticks) * (1_000_000_000 / TimeSpan.TicksPerSecond));
}
