using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>
/// The xunit collection of test classes that share one real broker (<see cref="KafkaBrokerFixture"/>, a cold start
/// costs seconds); they run one after another.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class KafkaTests : ICollectionFixture<KafkaBrokerFixture>
{
    public const string Collection = "kafka";
}
