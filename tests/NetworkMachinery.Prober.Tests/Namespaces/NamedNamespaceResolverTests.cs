using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Namespaces;

public sealed class NamedNamespaceResolverTests
{
    [Fact]
    public async Task Resolve_ExistingNamespace_ItsHandle()
    {
        await using var ns = await NetworkNamespace.CreateAsync();

        var resolved = new NamedNamespaceResolver().Resolve(new PodIdentity("default", ns.Name, ""));

        Assert.Equal(Path.Combine(NetworkNamespace.HandleDirectory, ns.Name), resolved.NamespacePath);
        Assert.Null(resolved.ResolvConfPath);
    }

    [Fact]
    public async Task Resolve_NamespaceWithEtcNetnsResolvConf_ThatResolvConf()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        var config = Directory.CreateTempSubdirectory("nmt-etc-netns-");
        try
        {
            Directory.CreateDirectory(Path.Combine(config.FullName, ns.Name));
            var resolvConf = Path.Combine(config.FullName, ns.Name, "resolv.conf");
            await File.WriteAllTextAsync(resolvConf, "nameserver 10.0.0.10\n");

            var resolved = new NamedNamespaceResolver(configDirectory: config.FullName).Resolve(new PodIdentity("default", ns.Name, ""));

            Assert.Equal(resolvConf, resolved.ResolvConfPath);
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("nmt-no-such-namespace")]
    [InlineData("../etc")]
    [InlineData("")]
    public void Resolve_NoSuchNamespace_NamespaceNotFound(string name)
    {
        var error = Assert.Throws<NamespaceNotFoundException>(() => new NamedNamespaceResolver().Resolve(new PodIdentity("default", name, "")));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
