namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>The test classes that probe between the pods of one <see cref="ProbeScenario"/>.</summary>
[CollectionDefinition(Collection)]
public sealed class ProbeNetworkTests : ICollectionFixture<ProbeScenario>
{
    public const string Collection = "probe-network";
}
