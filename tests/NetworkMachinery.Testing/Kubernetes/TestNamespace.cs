using k8s;
using k8s.Models;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>A namespace of its own for one test, deleted afterwards (without a controller manager it stays Terminating, harmlessly).</summary>
public sealed class TestNamespace : IAsyncDisposable
{
    private readonly IKubernetes _client;

    private TestNamespace(IKubernetes client, string name)
    {
        _client = client;
        Name = name;
    }

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>Creates a namespace with a unique name.</summary>
    public static async Task<TestNamespace> CreateAsync(IKubernetes client)
    {
        var name = $"{UniqueId.Prefix}-{UniqueId.Next()}";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return new TestNamespace(client, name);
    }

    /// <summary>Deletes the namespace.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.CoreV1.DeleteNamespaceAsync(Name);
        }
        catch (HttpRequestException)
        {
            // The apiserver is down (a test that failed while it was stopped); it and its etcd go with the fixture.
        }
    }
}
