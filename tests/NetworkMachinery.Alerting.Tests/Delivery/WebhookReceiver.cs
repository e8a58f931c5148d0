using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>
/// A real HTTP receiver in Kestrel on a free loopback port (of a network namespace the test made, if it asks): it records every POST (path, headers, body, when it came)
/// and answers what <see cref="Respond"/> says for the request's number (1 for the first).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's base URL, such as http://127.0.0.1:41234.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What to answer to the request with this number; 200 with an empty body when not set.</summary>
    public Func<int, Response> Respond { get; set; } = _ => new Response(200);

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The JSON bodies (generic webhook payloads) received so far whose <c>kind</c> is <paramref name="kind"/>.</summary>
    public List<JsonElement> Posted(string kind) =>
        [.. Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).Where(e => e.TryGetProperty("kind", out var k) && k.GetString() == kind)];

    /// <summary>The URL of <paramref name="path"/> on the receiver.</summary>
    public string Url(string path = "/events") => new Uri(BaseUrl, path).AbsoluteUri;

    /// <summary>Starts the receiver on a free port of the loopback of <paramref name="ns"/>, or of this process's namespace.</summary>
    public static async Task<WebhookReceiver> StartAsync(NetworkNamespace? ns = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        Uri? listening = null;
        if (ns is null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            // A socket keeps the namespace it was made in: made there, Kestrel takes it over (and closes it).
            var socket = ns.CreateSocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen();
            listening = new Uri($"http://{socket.LocalEndPoint}");
            var handle = (ulong)socket.SafeHandle.DangerousGetHandle();
            socket.SafeHandle.SetHandleAsInvalid();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenHandle(handle));
        }

        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = listening ?? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(context.Request.Path, headers, body.ToArray(), arrived));
        var response = Respond(Interlocked.Increment(ref _count));
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (response.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (response.Body is { } text)
        {
            await context.Response.WriteAsync(text);
        }
    }

    /// <summary>An answer: status, optional Retry-After and Location, body, and a delay before it.</summary>
    internal sealed record Response(int Status, string? RetryAfter = null, string? Body = null, TimeSpan Delay = default, string? Location = null);

    /// <summary>A request as it arrived.</summary>
    internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, long ArrivedAt)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
