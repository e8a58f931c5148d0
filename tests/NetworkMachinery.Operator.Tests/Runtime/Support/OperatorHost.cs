using System.Net;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Leadership;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// One operator instance as <c>netm operator</c> will run it: an ASP.NET Core host (Kestrel on a free loopback port)
/// with the runtime, leader election on a Lease, a ConfigMap controller and the health and metrics endpoints.
/// </summary>
public sealed class OperatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IKubernetes _client;
    private bool _stopped;

    private OperatorHost(WebApplication app, IKubernetes client, Uri address)
    {
        _app = app;
        _client = client;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public ILeaderElector Elector => _app.Services.GetRequiredService<ILeaderElector>();

    public static async Task<OperatorHost> StartAsync(
        IKubernetes client, string @namespace, LeaderElectionOptions election, ReconcileLog log, ITestOutputHelper output)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output, $"[{election.Identity}] "));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        builder.Services.AddSingleton(log);
        builder.Services.AddOperatorRuntime(new OperatorRuntimeOptions { LeaderElection = election });
        builder.Services.AddController<V1ConfigMap, IdentityReconciler>(new ControllerOptions { Name = "configmaps", Namespace = @namespace });
        var app = builder.Build();
        app.MapOperatorEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OperatorHost(app, client, new Uri(address));
    }

    /// <summary>Stops gracefully: the controllers drain, then the lease is released (when the options say so).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
        _client.Dispose();
    }
}
