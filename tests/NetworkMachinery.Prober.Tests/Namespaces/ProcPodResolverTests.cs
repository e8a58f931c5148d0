using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Tests.Support;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Namespaces;

public sealed class ProcPodResolverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resolve_ProcessInKubepodsCgroup_ItsNetworkNamespace(bool systemdDriver)
    {
        var uid = Guid.NewGuid().ToString();
        var relative = systemdDriver
            ? $"kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod{uid.Replace('-', '_')}.slice/cri-containerd-{Guid.NewGuid():N}.scope"
            : $"kubepods/besteffort/pod{uid}/{Guid.NewGuid():N}";
        await using var ns = await NetworkNamespace.CreateAsync();
        var address = IPAddress.Parse($"198.18.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}");
        await ns.IpAsync(["address", "add", $"{address}/32", "dev", "lo"]);
        await using var cgroup = KubepodsCgroupSandbox.Create(relative);
        await using (var sleep = ns.Start("sleep", ["300"]))
        {
            await cgroup.AddAsync(sleep.Id);

            var resolved = new ProcPodResolver().Resolve(new PodIdentity("default", "web", uid));

            Assert.Equal($"/proc/{sleep.Id}/ns/net", resolved.NamespacePath);
            using var switcher = new NamespaceSwitcher();
            using var socket = await new NamespaceSocketFactory(switcher, resolved.NamespacePath)
                .CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(address, 0));
        }
    }

    [Fact]
    public void Resolve_NoProcessOfPod_NamespaceNotFoundNamingThePod()
    {
        var uid = Guid.NewGuid().ToString();

        var error = Assert.Throws<NamespaceNotFoundException>(() => new ProcPodResolver().Resolve(new PodIdentity("shop", "cart-1", uid)));

        Assert.Contains("shop/cart-1", error.Message, StringComparison.Ordinal);
        Assert.Contains(uid, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc")]
    public void Resolve_NoOrBadUid_NamespaceNotFound(string uid) =>
        Assert.Throws<NamespaceNotFoundException>(() => new ProcPodResolver().Resolve(new PodIdentity("shop", "cart-1", uid)));
}
