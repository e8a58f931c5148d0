using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// The webhook receiver: Kestrel on a free loopback port, answering 200 to every POST. A ThresholdRaised is matched
/// to its trial by the flow key's source address and completes that trial's wait with the moment it arrived.
/// </summary>
internal sealed class WebhookArrivals : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Arrival>> _waits = new(StringComparer.Ordinal);
    private int _unexpected;

    private WebhookArrivals(WebApplication app) => _app = app;

    /// <summary>The URL the monitor's channel posts to.</summary>
    public string Url { get; private set; } = "";

    /// <summary>POSTs that were not the first ThresholdRaised of a flow key (a repeat or another kind): none are expected.</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);

    public static async Task<WebhookArrivals> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var arrivals = new WebhookArrivals(app);
        app.MapPost("/{**path}", arrivals.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        arrivals.Url = new Uri(new Uri(address), "/alerting-bench").AbsoluteUri;
        return arrivals;
    }

    /// <summary>Completes when the ThresholdRaised of the flow from <paramref name="source"/> arrives.</summary>
    public Task<Arrival> WhenRaised(string source) => Wait(source).Task;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private TaskCompletionSource<Arrival> Wait(string source) =>
        _waits.GetOrAdd(source, _ => new TaskCompletionSource<Arrival>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(HttpContext context)
    {
        // Stamped before the body is read: the time the request reached the receiver.
        var arrived = Stopwatch.GetTimestamp();
        var arrivedWall = DateTimeOffset.UtcNow;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var matched = false;
        if (root.TryGetProperty("kind", out var kind) && kind.GetString() == "ThresholdRaised"
            && root.TryGetProperty("flowKey", out var key) && key.TryGetProperty("srcAddr", out var source)
            && root.TryGetProperty("raisedAt", out var raisedAt))
        {
            var judged = DateTimeOffset.Parse(raisedAt.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            matched = Wait(source.GetString()!).TrySetResult(new Arrival(arrived, arrivedWall, judged));
        }

        if (!matched)
        {
            Interlocked.Increment(ref _unexpected);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
