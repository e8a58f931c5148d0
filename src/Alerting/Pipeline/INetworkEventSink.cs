using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>Where the pipeline hands each raised or cleared event: the events topic, stdout, notifications, channels.</summary>
public interface INetworkEventSink
{
    /// <summary>
    /// Takes <paramref name="networkEvent"/> of <paramref name="monitor"/>. Called for one event at a time, in the order
    /// they were raised; work that can take long (deliveries with retries) must go on in the background.
    /// </summary>
    Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken);
}
