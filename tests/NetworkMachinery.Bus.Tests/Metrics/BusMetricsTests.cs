using System.Text;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Bus.Tests.Support;
using NetworkMachinery.Testing.Bus;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Metrics;

public class BusMetricsTests
{
    [Fact]
    public async Task Scrape_AfterTraffic_ReportsWhatProducersAndConsumersDid()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        await using var bus = new InProcessBus(groupCapacity: 2, metrics: new BusMetrics(registry));
        var handler = new RecordingHandler((m, _) => Identity(m) == 2 ? new PoisonMessageException("bad") : null);
        await using var consumer = bus.CreateConsumer(new ConsumerOptions
        {
            GroupId = "alerting",
            Topics = ["netm.flows"],
            Handler = handler,
            IdentityOf = IdentityOf,
            DeadLetterTopic = "netm.dead-letters",
        });
        await using var producer = bus.CreateProducer("collector");

        Assert.True(producer.TryProduce("netm.flows", Key("a"), Value(1)));
        Assert.True(producer.TryProduce("netm.flows", Key("a"), Value(2)));
        Assert.False(producer.TryProduce("netm.flows", Key("a"), Value(3)));
        await ConsumerRun.UntilAsync(consumer, () => consumer.GetStatistics().Received >= 2);

        var text = await ScrapeAsync(registry);
        Assert.Contains("netm_bus_produced_messages_total{producer=\"collector\",outcome=\"delivered\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("netm_bus_produced_messages_total{producer=\"collector\",outcome=\"queue_full\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("netm_bus_consumed_messages_total{group=\"alerting\",outcome=\"handled\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("netm_bus_consumed_messages_total{group=\"alerting\",outcome=\"dead_lettered\"} 1", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(Prometheus.CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
