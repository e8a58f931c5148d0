using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>The test classes of this project that share one real Kafka broker (docs/testing.md).</summary>
[CollectionDefinition(Collection)]
public sealed class KafkaTests : ICollectionFixture<KafkaBrokerFixture>
{
    public const string Collection = "kafka";
}
