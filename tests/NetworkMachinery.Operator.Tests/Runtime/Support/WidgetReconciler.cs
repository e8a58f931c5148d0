using System.Collections.Concurrent;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// A reconciler as the operator's will be: finalizer on, status (observed generation, a message from the spec) written
/// idempotently; on deletion the finalizer comes off. It records each call.
/// </summary>
internal sealed class WidgetReconciler(IResourceClient<Widget> widgets) : IReconciler<Widget>
{
    public const string Finalizer = "runtimetest.networkmachinery.io/cleanup";

    public ConcurrentQueue<WidgetCall> Calls { get; } = new();

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, Widget? resource, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new WidgetCall(key, resource?.Metadata.Generation, resource?.Metadata.DeletionTimestamp is not null));
        if (resource is null)
        {
            return ReconcileResult.Done;
        }

        if (resource.Metadata.DeletionTimestamp is not null)
        {
            await widgets.RemoveFinalizerAsync(resource, Finalizer, cancellationToken);
            return ReconcileResult.Done;
        }

        if (await widgets.AddFinalizerAsync(resource, Finalizer, cancellationToken) is { } current)
        {
            await widgets.UpdateStatusAsync(
                current,
                widget => widget.Status = new WidgetStatus { ObservedGeneration = widget.Metadata.Generation, Message = $"color {widget.Spec.Color}" },
                cancellationToken);
        }

        return ReconcileResult.Done;
    }
}
