using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Bus.Tests.Contract;

/// <summary>
/// The bus contract on the Kafka bus with its production defaults, unchanged (idempotent producer, acks=all, the current
/// protocol), over librdkafka's mock cluster: the features the real 0.9 broker lacks.
/// </summary>
public sealed class MockClusterBusContractTests(MockKafkaCluster cluster) : BusContractTests, IClassFixture<MockKafkaCluster>
{
    protected override Task<IMessageBus> CreateBusAsync() =>
        Task.FromResult<IMessageBus>(new KafkaBus(new KafkaSettings { BootstrapServers = cluster.BootstrapServers }));

    protected override Task CreateTopicsAsync(params string[] topics)
    {
        foreach (var topic in topics)
        {
            Assert.True(cluster.CreateTopic(topic) > 1, "the contract's per-key order needs more than one partition");
        }

        return Task.CompletedTask;
    }
}
