using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Namespaces;

public sealed class NamespaceSwitcherTests
{
    // An address from the benchmarking range that only the test's namespace holds.
    private static readonly IPAddress OnlyInNamespace = IPAddress.Parse($"198.18.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}");

    [Fact]
    public async Task Create_InNamespace_SocketLivesThere()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        await ns.IpAsync(["address", "add", $"{OnlyInNamespace}/32", "dev", "lo"]);
        using var switcher = new NamespaceSwitcher();
        var factory = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));

        using var inside = factory.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        inside.Bind(new IPEndPoint(OnlyInNamespace, 0));

        using var host = HostSocketFactory.Instance.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var error = Assert.Throws<SocketException>(() => host.Bind(new IPEndPoint(OnlyInNamespace, 0)));
        Assert.Equal(SocketError.AddressNotAvailable, error.SocketErrorCode);
        Assert.Contains(ns.Name, factory.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ManyFromThreadPool_NoPoolThreadChangesNamespace()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        using var switcher = new NamespaceSwitcher();
        var factory = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));
        var hostNamespace = CurrentThreadNamespace();

        var seen = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            using var socket = factory.Create(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            return CurrentThreadNamespace();
        })));

        Assert.All(seen, link => Assert.Equal(hostNamespace, link));
        var namespaceLink = await switcher.RunAsync(Path.Combine(NetworkNamespace.HandleDirectory, ns.Name), CurrentThreadNamespace);
        Assert.NotEqual(hostNamespace, namespaceLink);
    }

    [Fact]
    public async Task Create_NamespaceMissing_ClearIOExceptionAndSwitcherKeepsWorking()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        using var switcher = new NamespaceSwitcher();
        var missing = new NamespaceSocketFactory(switcher, "/run/netns/nmt-does-not-exist");

        var error = Assert.Throws<IOException>(() => missing.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        Assert.Contains("/run/netns/nmt-does-not-exist", error.Message, StringComparison.Ordinal);

        var present = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));
        using var socket = present.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.NotNull(socket);
    }

    [Fact]
    public async Task Create_NamespaceDeletedAfterwards_IOException()
    {
        var ns = await NetworkNamespace.CreateAsync();
        using var switcher = new NamespaceSwitcher();
        var factory = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));
        factory.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp).Dispose();

        await ns.DisposeAsync();

        Assert.Throws<IOException>(() => factory.Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
    }

    [Fact]
    public void RunAsync_AfterDispose_ObjectDisposedException()
    {
        var switcher = new NamespaceSwitcher();
        switcher.Dispose();

        Assert.Throws<ObjectDisposedException>(() => switcher.Run("/proc/self/ns/net", () => 1));
    }

    private static string CurrentThreadNamespace() => new FileInfo("/proc/thread-self/ns/net").LinkTarget ?? "";
}
