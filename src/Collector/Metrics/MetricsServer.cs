using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace NetworkMachinery.Collector.Metrics;

/// <summary>
/// A small HTTP server (Kestrel) for <c>/metrics</c> in the Prometheus text format and <c>/healthz</c>.
/// Port 0 picks a free port; <see cref="Address"/> tells which.
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's base address, with the bound port.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="registry"/> on <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">Where to listen.</param>
    /// <param name="registry">The metrics to serve.</param>
    /// <param name="health">Answers <c>/healthz</c>: true is 200, false 503.</param>
    /// <param name="loggerFactory">Logging for the server itself.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <exception cref="IOException">The endpoint cannot be bound.</exception>
    public static async Task<MetricsServer> StartAsync(IPEndPoint endpoint, CollectorRegistry registry, Func<bool> health, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        var app = builder.Build();
        app.MapMetrics("/metrics", registry);
        RequestDelegate healthz = context =>
        {
            var healthy = health();
            context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsync(healthy ? "ok\n" : "unhealthy\n", cancellationToken: context.RequestAborted);
        };
        app.MapGet("/healthz", healthz);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return new MetricsServer(app, new Uri(bound ?? $"http://{endpoint}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
