using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>
/// Records Kubernetes Events about objects (core v1, which <c>kubectl describe</c> shows), like client-go's
/// <c>EventRecorder</c>: a repeat of an event aggregates into the one already written, a hot loop is rate limited per
/// object, and the writes happen in the background, so recording never blocks or fails the caller.
/// </summary>
public interface IEventRecorder
{
    /// <summary>Records that <paramref name="reason"/> happened to <paramref name="involved"/>.</summary>
    /// <param name="involved">The object the event is about, as last read (its uid and resourceVersion are referenced).</param>
    /// <param name="type"><see cref="EventTypes.Normal"/> or <see cref="EventTypes.Warning"/>.</param>
    /// <param name="reason">Why, in UpperCamelCase (e.g. <c>ProbesDispatched</c>): short and machine-readable.</param>
    /// <param name="message">What happened, for people.</param>
    /// <typeparam name="T">The object's kind, whose [KubernetesEntity] names it when the object does not.</typeparam>
    void Record<T>(T involved, string type, string reason, string message)
        where T : class, IKubernetesObject<V1ObjectMeta>;
}
