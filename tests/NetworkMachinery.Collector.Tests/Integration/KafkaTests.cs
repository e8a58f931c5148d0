using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// The xunit collection of test classes that share one real Kafka broker (<see cref="KafkaBrokerFixture"/>: a cold
/// start costs seconds); they run one after another, and a test that stops the broker starts it again.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class KafkaTests : ICollectionFixture<KafkaBrokerFixture>
{
    public const string Collection = "kafka";
}
