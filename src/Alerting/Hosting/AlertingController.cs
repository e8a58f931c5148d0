using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Informers;

namespace NetworkMachinery.Alerting.Hosting;

/// <summary>
/// Runs alerting in the operator while this instance leads (one evaluator in the cluster: thresholds over totals need
/// every record in one place). Each term of leadership starts a fresh pipeline with the monitors of the informer's
/// cache, and any change of a monitor hands the whole set again; a new leader starts with empty windows and raises
/// what still holds, which the notifications absorb (recording is idempotent).
/// </summary>
internal sealed class AlertingController(Func<AlertingPipeline> createPipeline, IInformer<V1Alpha1NetworkMonitor> monitors) : IController
{
    public string Name => "alerting";

    public IReadOnlyList<IInformer> Informers => [monitors];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await monitors.WaitForSyncAsync(stoppingToken);
        var pipeline = createPipeline();
        using var subscription = monitors.AddEventHandler(new MonitorSetHandler(() => pipeline.SetMonitors(Active())));
        pipeline.SetMonitors(Active());
        try
        {
            await pipeline.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Leadership lost or shutting down.
        }
    }

    private V1Alpha1NetworkMonitor[] Active() => [.. monitors.Cache.List().Where(monitor => monitor.Metadata.DeletionTimestamp is null)];

    private sealed class MonitorSetHandler(Action changed) : IResourceEventHandler<V1Alpha1NetworkMonitor>
    {
        public void OnAdd(V1Alpha1NetworkMonitor resource) => changed();

        public void OnUpdate(V1Alpha1NetworkMonitor previous, V1Alpha1NetworkMonitor current) => changed();

        public void OnDelete(V1Alpha1NetworkMonitor resource) => changed();
    }
}
