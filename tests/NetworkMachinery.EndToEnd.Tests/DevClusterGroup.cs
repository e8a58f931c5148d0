namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>The tests that share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class DevClusterGroup : ICollectionFixture<DevClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "devcluster";
}
