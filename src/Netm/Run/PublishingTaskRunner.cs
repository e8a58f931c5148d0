using System.Runtime.CompilerServices;
using System.Text;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Agent;

namespace NetworkMachinery.Netm.Run;

/// <summary>
/// Runs probe tasks with the prober's runner and also publishes every result on the probe-results topic, keyed by its
/// test as the node agent keys them, so that alerting sees the standalone probes exactly as it sees a cluster's.
/// </summary>
internal sealed class PublishingTaskRunner(IProbeTaskRunner runner, IBusProducer producer, BusTopics topics) : IProbeTaskRunner
{
    public async IAsyncEnumerable<ProbeResult> RunAsync(ProbeTask task, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var key = Encoding.UTF8.GetBytes($"{task.Test?.Namespace}/{task.Test?.Name}");
        await foreach (var result in runner.RunAsync(task, cancellationToken).ConfigureAwait(false))
        {
            await producer.ProduceAsync(topics.ProbeResults, key, DelimitedMessages.Write(result), cancellationToken).ConfigureAwait(false);
            yield return result;
        }
    }
}
