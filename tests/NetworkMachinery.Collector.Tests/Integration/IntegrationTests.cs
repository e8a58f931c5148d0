namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// The xunit collection of tests that start real components (Open vSwitch, network namespaces, tcpdump): they run one
/// at a time, since on two cores parallel switches only make each other's timing worse.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class IntegrationTests
{
    public const string Collection = "Integration";
}
