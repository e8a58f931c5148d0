using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// A running, synced informer for one namespace behind a <see cref="GatedResourceClient{T}"/>, with a
/// <see cref="RecordingHandler{T}"/>. Disposing cancels it and fails if it does not stop.
/// </summary>
internal sealed class InformerRun<T> : IAsyncDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;
    private readonly Task _run;

    private InformerRun(IResourceClient<T> client, string @namespace, InformerOptions options, InformerMetrics metrics, ILogger logger)
    {
        Gate = new GatedResourceClient<T>(client);
        Informer = new Informer<T>(Gate, @namespace, options, metrics, TimeProvider.System, logger);
        _subscription = Informer.AddEventHandler(Events);
        _run = Informer.RunAsync(_stop.Token);
    }

    public Informer<T> Informer { get; }

    public GatedResourceClient<T> Gate { get; }

    public RecordingHandler<T> Events { get; } = new();

    public static async Task<InformerRun<T>> StartAsync(
        IResourceClient<T> client, string @namespace, InformerOptions options, InformerMetrics metrics, ILogger logger)
    {
        var run = new InformerRun<T>(client, @namespace, options, metrics, logger);
        await run.Informer.WaitForSyncAsync(default).WaitAsync(Timeout);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Release();
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        _subscription.Dispose();
        _stop.Dispose();
    }
}
