using k8s;
using k8s.Autorest;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>Events in the API server's core v1 (what <c>kubectl describe</c> shows on every server version).</summary>
internal sealed class KubernetesEventSink(IKubernetes kubernetes) : IEventSink
{
    public async Task CreateAsync(Corev1Event recorded, CancellationToken cancellationToken)
    {
        using var response = await kubernetes.CoreV1.CreateNamespacedEventWithHttpMessagesAsync(
            recorded, recorded.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
    }

    public async Task<bool> PatchAsync(Corev1Event recorded, CancellationToken cancellationToken)
    {
        // A merge patch of only what a repeat changes, as client-go's EventLogger does (it also leaves the rest alone).
        var patch = new V1Patch(
            new Corev1Event { Count = recorded.Count, LastTimestamp = recorded.LastTimestamp, Message = recorded.Message },
            V1Patch.PatchType.MergePatch);
        try
        {
            using var response = await kubernetes.CoreV1.PatchNamespacedEventWithHttpMessagesAsync(
                patch, recorded.Metadata.Name, recorded.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }
}
