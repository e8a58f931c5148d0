using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes.Http;

/// <summary>
/// One HTTP/1.1 GET over a socket of the source's namespace: connect, the TLS handshake for HTTPS, the request with
/// <c>Connection: close</c>, the status line and headers, then a bounded drain of the body so that the server sees
/// a well-behaved client. The whole request has one timeout; the failure says in which phase it ran out.
/// </summary>
internal static class HttpExchange
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public static async Task<HttpAttempt> GetAsync(ISocketFactory sockets, HttpTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        var phase = "connect";
        TimeSpan connect = default, tls = default;
        try
        {
            using var socket = await sockets.CreateAsync(target.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp).ConfigureAwait(false);
            await socket.ConnectAsync(target.Endpoint, deadline.Token).ConfigureAwait(false);
            connect = Stopwatch.GetElapsedTime(started);
            var network = new NetworkStream(socket, ownsSocket: false);
            Stream stream = target.Tls ? new SslStream(network, leaveInnerStreamOpen: false) : network;
            await using (stream.ConfigureAwait(false))
            {
                if (stream is SslStream ssl)
                {
                    phase = "TLS handshake";
                    var handshakeStarted = Stopwatch.GetTimestamp();
                    await ssl.AuthenticateAsClientAsync(
                        new SslClientAuthenticationOptions
                        {
                            TargetHost = target.ServerName,
                            // The test asked for it (insecureSkipTLSVerify): it checks the path, not the server's identity.
#pragma warning disable CA5359
                            RemoteCertificateValidationCallback = target.SkipCertificateValidation ? static (_, _, _, _) => true : null,
#pragma warning restore CA5359
                        },
                        deadline.Token).ConfigureAwait(false);
                    tls = Stopwatch.GetElapsedTime(handshakeStarted);
                }

                phase = "response";
                var requestSent = Stopwatch.GetTimestamp();
                await stream.WriteAsync(Request(target), deadline.Token).ConfigureAwait(false);
                var (statusCode, contentLength, bodyStart, firstByte) = await ReadHeadAsync(stream, requestSent, deadline.Token).ConfigureAwait(false);
                var total = Stopwatch.GetElapsedTime(started);
                await DrainAsync(stream, contentLength, bodyStart, deadline.Token).ConfigureAwait(false);
                return new HttpAttempt
                {
                    StatusCode = statusCode,
                    Verdict = ProbeResult.Types.Verdict.Reachable,
                    Connect = connect,
                    Tls = tls,
                    FirstByte = firstByte,
                    Total = total,
                };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(ProbeResult.Types.Verdict.Timeout, $"{phase}: {SocketErrors.NoReply(timeout)}", connect, tls);
        }
        catch (SocketException e)
        {
            var (verdict, reason) = SocketErrors.Classify(e.SocketErrorCode);
            return Failed(verdict, $"{phase}: {reason}", connect, tls);
        }
        catch (AuthenticationException e)
        {
            return Failed(ProbeResult.Types.Verdict.Error, $"TLS handshake failed: {e.Message}", connect, tls);
        }
        catch (IOException e)
        {
            var reason = e.InnerException is SocketException socketError ? SocketErrors.Classify(socketError.SocketErrorCode).Reason : e.Message;
            return Failed(ProbeResult.Types.Verdict.Error, target.Tls && tls == default ? $"TLS handshake failed: {reason}" : $"{phase}: {reason}", connect, tls);
        }
        catch (HttpProtocolException e)
        {
            return Failed(ProbeResult.Types.Verdict.Error, $"{phase}: {e.Message}", connect, tls);
        }
    }

    private static HttpAttempt Failed(ProbeResult.Types.Verdict verdict, string failure, TimeSpan connect, TimeSpan tls) =>
        new() { Verdict = verdict, Failure = failure, Connect = connect, Tls = tls };

    private static byte[] Request(HttpTarget target) => Encoding.ASCII.GetBytes(
        $"GET {target.Path} HTTP/1.1\r\nHost: {target.Host}\r\nUser-Agent: netm-prober\r\nAccept: */*\r\nConnection: close\r\n\r\n");

    private static async Task<(int Status, long? ContentLength, int BodyStart, TimeSpan FirstByte)> ReadHeadAsync(
        Stream stream, long requestSent, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        var firstByte = TimeSpan.Zero;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new HttpProtocolException(filled == 0
                    ? "the server closed the connection without a response"
                    : "the server closed the connection inside the response headers");
            }

            if (filled == 0)
            {
                firstByte = Stopwatch.GetElapsedTime(requestSent);
            }

            filled += read;
            var end = buffer.AsSpan(0, filled).IndexOf(HeaderEnd);
            if (end >= 0)
            {
                var head = Encoding.Latin1.GetString(buffer, 0, end);
                var (status, length) = ParseHead(head);
                return (status, length, filled - end - HeaderEnd.Length, firstByte);
            }

            if (filled == buffer.Length)
            {
                throw new HttpProtocolException($"response headers longer than {MaxHeaderBytes} bytes");
            }
        }
    }

    private static (int Status, long? ContentLength) ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || statusLine[1].Length != 3 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            var shown = lines[0].Length > 80 ? lines[0][..80] : lines[0];
            throw new HttpProtocolException($"not an HTTP/1.x status line: '{shown}'");
        }

        long? contentLength = null;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                contentLength = length;
            }
        }

        return (status, contentLength);
    }

    /// <summary>
    /// Reads the body away, up to its Content-Length or the end of the connection and at most
    /// <see cref="MaxBodyBytes"/>. The status is known already: whatever happens here does not change the outcome.
    /// </summary>
    private static async Task DrainAsync(Stream stream, long? contentLength, int alreadyRead, CancellationToken cancellationToken)
    {
        var remaining = Math.Min(contentLength ?? MaxBodyBytes, MaxBodyBytes) - alreadyRead;
        var buffer = new byte[16 * 1024];
        try
        {
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                remaining -= read;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The body is a courtesy to the server; the response counted already.
        }
    }
}
