using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Tests.Support;
using NetworkMachinery.Testing.Bus;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>What one client of a Kafka bus does to the others when it fails, on the shared real broker.</summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaBusFailureTests(KafkaBrokerFixture kafka)
{
    [Fact]
    public async Task ProducerFatalError_LeavesTheConsumersOfTheSameBusRunning()
    {
        var topic = Unique("flows");
        await kafka.Broker.CreateTopicAsync(topic, 1);

        // Idempotence needs a 0.11 broker: against 0.9 this bus's producer fails fatally.
        var consumerProperties = new Dictionary<string, string>(kafka.Broker.ClientProperties) { ["enable.idempotence"] = "true" };
        await using var failing = new KafkaBus(new KafkaSettings { BootstrapServers = kafka.Broker.BootstrapServers, Properties = consumerProperties });
        await using var good = new KafkaBus(new KafkaSettings { BootstrapServers = kafka.Broker.BootstrapServers, Properties = kafka.Broker.ClientProperties });
        var handler = new RecordingHandler();
        await using var consumer = failing.CreateConsumer(new ConsumerOptions
        {
            GroupId = Unique("group"),
            Topics = [topic],
            Handler = handler,
            DeadLetterTopic = Unique("dead-letters"),
        });
        await using var doomed = failing.CreateProducer("doomed");
        Assert.True(doomed.TryProduce(topic, Key("agent"), Value(1)));
        Assert.True(await Poll.UntilAsync(() => failing.ClientErrors.ContainsKey("Local_UnsupportedFeature") || doomed.GetStatistics().Failed.Count > 0, ConsumerRun.Timeout));

        await using var producer = good.CreateProducer("good");
        Assert.True(producer.TryProduce(topic, Key("agent"), Value(2)));
        Assert.Equal(0, producer.Flush(ConsumerRun.Timeout));
        await ConsumerRun.UntilAsync(consumer, () => !handler.Handled.IsEmpty);

        Assert.Equal([2UL], handler.Handled.Select(Identity));
    }
}
