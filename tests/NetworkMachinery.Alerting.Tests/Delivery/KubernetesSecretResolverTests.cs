using System.Text;
using k8s;
using k8s.Models;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>Secret keys read through the real apiserver.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class KubernetesSecretResolverTests(KubeApiServerFixture fixture)
{
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();

    [Fact]
    public async Task Resolve_SecretAndKeyPresent_ReturnsTheValue()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateSecretAsync(_client, ns.Name, "hook", new() { ["url"] = "http://127.0.0.1:9/events", ["hmac"] = "key with spaces " });
        var resolver = new KubernetesSecretResolver(_client);

        var url = await resolver.ResolveAsync(ns.Name, new SecretKeyReference { Name = "hook", Key = "url" }, default);
        var hmac = await resolver.ResolveAsync(ns.Name, new SecretKeyReference { Name = "hook", Key = "hmac" }, default);

        Assert.Equal(("http://127.0.0.1:9/events", "key with spaces "), (url, hmac));
    }

    [Fact]
    public async Task Resolve_SecretMissing_SaysWhichAndThatItIsNotTransient()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);

        var error = await Assert.ThrowsAsync<SecretResolutionException>(() =>
            new KubernetesSecretResolver(_client).ResolveAsync(ns.Name, new SecretKeyReference { Name = "slack", Key = "url" }, default));

        Assert.Equal($"Secret {ns.Name}/slack does not exist; create it with the key url, or fix the channel's secret reference", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Resolve_KeyMissing_ListsTheKeysTheSecretHas()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateSecretAsync(_client, ns.Name, "hook", new() { ["address"] = "x", ["token"] = "y" });

        var error = await Assert.ThrowsAsync<SecretResolutionException>(() =>
            new KubernetesSecretResolver(_client).ResolveAsync(ns.Name, new SecretKeyReference { Name = "hook", Key = "url" }, default));

        Assert.Equal($"Secret {ns.Name}/hook has no key url (it has address, token); add the key or fix the channel's secret reference", error.Message);
        Assert.False(error.IsTransient);
    }

    internal static Task<V1Secret> CreateSecretAsync(IKubernetes client, string ns, string name, Dictionary<string, string> data) =>
        client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Data = data.ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetBytes(pair.Value)),
            },
            ns);
}
