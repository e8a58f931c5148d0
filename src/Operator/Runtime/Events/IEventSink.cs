using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>Where <see cref="EventRecorder"/> writes Events: the API server's core v1 Events.</summary>
internal interface IEventSink
{
    /// <summary>Creates <paramref name="recorded"/> in its namespace.</summary>
    Task CreateAsync(Corev1Event recorded, CancellationToken cancellationToken);

    /// <summary>Patches the Event named as <paramref name="recorded"/> is with its count, lastTimestamp and message; false when it does not exist.</summary>
    Task<bool> PatchAsync(Corev1Event recorded, CancellationToken cancellationToken);
}
