using System.Collections.Concurrent;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Producing;
using Prometheus;

namespace NetworkMachinery.Bus.Metrics;

/// <summary>
/// The bus's Prometheus series: what each producer queued, delivered and failed, what each consumer group received,
/// handled, skipped and dead-lettered, how long deliveries took, and the errors the Kafka clients rode out. Counts
/// are read from the producers and consumers when the registry is scraped; the hot paths only bump their own counters.
/// </summary>
public sealed class BusMetrics
{
    private readonly ConcurrentDictionary<IBusProducer, bool> _producers = new();
    private readonly ConcurrentDictionary<IBusConsumer, string> _consumers = new();
    private readonly Counter _produced;
    private readonly Counter _deliveryFailures;
    private readonly Gauge _inFlight;
    private readonly Histogram _deliveryLatency;
    private readonly Counter _consumed;
    private readonly Counter _retries;
    private readonly Counter _rebalances;
    private readonly Counter _clientErrors;
    private Func<IReadOnlyDictionary<string, long>>? _readClientErrors;

    /// <summary>Creates the series in <paramref name="registry"/> and publishes them whenever it is collected.</summary>
    public BusMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _produced = factory.CreateCounter("netm_bus_produced_messages_total", "Messages by producer and outcome: queued, delivered (acknowledged by the bus), queue_full (the producer's queue had no room).", "producer", "outcome");
        _deliveryFailures = factory.CreateCounter("netm_bus_delivery_failures_total", "Messages the bus could not deliver after the client's retries, by producer and error.", "producer", "reason");
        _inFlight = factory.CreateGauge("netm_bus_in_flight_messages", "Messages queued by a producer and not yet delivered or failed.", "producer");
        _deliveryLatency = factory.CreateHistogram(
            "netm_bus_delivery_latency_seconds",
            "Time from queueing a message to the broker's acknowledgement (Kafka), by topic.",
            new HistogramConfiguration { LabelNames = ["topic"], Buckets = Histogram.ExponentialBuckets(0.000_5, 2, 16) });
        _consumed = factory.CreateCounter("netm_bus_consumed_messages_total", "Messages by consumer group and outcome: received, handled, duplicate, dead_lettered.", "group", "outcome");
        _retries = factory.CreateCounter("netm_bus_handler_retries_total", "Handler attempts that threw and were retried, by consumer group.", "group");
        _rebalances = factory.CreateCounter("netm_bus_rebalances_total", "Partition assignment changes seen by a consumer group's member.", "group");
        _clientErrors = factory.CreateCounter("netm_bus_client_errors_total", "Errors the Kafka clients reported and rode out (an unreachable broker among them), by error code.", "code");
        registry.AddBeforeCollectCallback(Publish);
    }

    /// <summary>Times one delivery; producers call it from their delivery reports.</summary>
    public void ObserveDelivery(string topic, TimeSpan latency) => _deliveryLatency.WithLabels(topic).Observe(latency.TotalSeconds);

    internal void Track(IBusProducer producer) => _producers[producer] = true;

    internal void Track(IBusConsumer consumer, string group) => _consumers[consumer] = group;

    internal void TrackClientErrors(Func<IReadOnlyDictionary<string, long>> read) => _readClientErrors = read;

    private void Publish()
    {
        foreach (var producer in _producers.Keys)
        {
            var statistics = producer.GetStatistics();
            _produced.WithLabels(producer.Name, "queued").IncTo(statistics.Queued);
            _produced.WithLabels(producer.Name, "delivered").IncTo(statistics.Delivered);
            _produced.WithLabels(producer.Name, "queue_full").IncTo(statistics.QueueFull);
            foreach (var (reason, count) in statistics.Failed)
            {
                _deliveryFailures.WithLabels(producer.Name, reason).IncTo(count);
            }

            _inFlight.WithLabels(producer.Name).Set(statistics.InFlight);
        }

        foreach (var (consumer, group) in _consumers)
        {
            var statistics = consumer.GetStatistics();
            _consumed.WithLabels(group, "received").IncTo(statistics.Received);
            _consumed.WithLabels(group, "handled").IncTo(statistics.Handled);
            _consumed.WithLabels(group, "duplicate").IncTo(statistics.Duplicates);
            _consumed.WithLabels(group, "dead_lettered").IncTo(statistics.DeadLettered);
            _retries.WithLabels(group).IncTo(statistics.Retries);
            _rebalances.WithLabels(group).IncTo(statistics.Rebalances);
        }

        if (_readClientErrors is { } read)
        {
            foreach (var (code, count) in read())
            {
                _clientErrors.WithLabels(code).IncTo(count);
            }
        }
    }
}
