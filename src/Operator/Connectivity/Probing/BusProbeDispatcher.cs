using System.Text;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// Puts probe tasks on the probe-tasks topic, length-delimited as every data topic (docs/contracts.md), keyed by the
/// node that runs them so each node's prober gets its own tasks in order; host probes without a node go under "host".
/// </summary>
public sealed class BusProbeDispatcher(IBusProducer producer, BusTopics topics) : IProbeDispatcher
{
    /// <inheritdoc />
    public ValueTask DispatchAsync(ProbeTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var node = task.Source?.Node is { Length: > 0 } name ? name : "host";
        return producer.ProduceAsync(topics.ProbeTasks, Encoding.UTF8.GetBytes(node), DelimitedMessages.Write(task), cancellationToken);
    }
}
