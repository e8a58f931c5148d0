using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Alerting.Tests;

/// <summary>
/// The test classes that share one real apiserver and one real Kafka broker (a cold start costs seconds each); they run
/// one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiServerGroup : ICollectionFixture<KubeApiServerFixture>, ICollectionFixture<KafkaBrokerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kube-apiserver";
}
