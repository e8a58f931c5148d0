namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>
/// The xunit collection of tests that stop or dispose a broker, so start their own. They run alone, after the parallel
/// collections: two pairs of JVMs on two cores make each other slow, and a slow start must not look like a fault.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class KafkaOutageTests
{
    public const string Collection = "kafka-outage";
}
