using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>
/// Names objects to reconcile on events that do not come from the API server (controller-runtime's
/// <c>source.Channel</c>), such as a probe result arriving over the bus, so that a controller reacts to them at once
/// instead of polling.
/// </summary>
public interface IKeySource
{
    /// <summary>Calls <paramref name="reconcile"/> with the key of each object that needs a reconcile, until the result is disposed.</summary>
    IDisposable Subscribe(Action<ObjectKey> reconcile);
}
