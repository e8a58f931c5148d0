using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Tests.Kafka;
using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Bus.Tests.Contract;

/// <summary>The bus contract on the Kafka bus over the shared real broker (Kafka 0.9.0.1).</summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaBusContractTests(KafkaBrokerFixture kafka) : BusContractTests
{
    private const int Partitions = 4;

    protected override Task<IMessageBus> CreateBusAsync() => Task.FromResult<IMessageBus>(
        new KafkaBus(new KafkaSettings { BootstrapServers = kafka.Broker.BootstrapServers, Properties = kafka.Broker.ClientProperties }));

    protected override async Task CreateTopicsAsync(params string[] topics)
    {
        foreach (var topic in topics)
        {
            await kafka.Broker.CreateTopicAsync(topic, Partitions);
        }
    }
}
