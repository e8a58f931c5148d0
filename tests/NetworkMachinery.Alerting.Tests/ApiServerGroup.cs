using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Alerting.Tests;

/// <summary>The test classes that share one real apiserver (a cold start costs seconds); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerGroup : ICollectionFixture<KubeApiServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kube-apiserver";
}
