using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Operator.Tests.ApiServer;

/// <summary>
/// The xunit collection of test classes that share one real apiserver (<see cref="KubeApiServerFixture"/>, a cold
/// start costs seconds); they run one after another, so a test may restart the apiserver as long as it leaves it running.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class ApiServerTests : ICollectionFixture<KubeApiServerFixture>
{
    public const string Collection = "kube-apiserver";
}
