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

        using var inside = await factory.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        inside.Bind(new IPEndPoint(OnlyInNamespace, 0));

        using var host = await HostSocketFactory.Instance.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
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

        var seen = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            using var socket = await factory.CreateAsync(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
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

        var error = await Assert.ThrowsAsync<IOException>(async () => await missing.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        Assert.Contains("/run/netns/nmt-does-not-exist", error.Message, StringComparison.Ordinal);

        var present = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));
        using var socket = await present.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.NotNull(socket);
    }

    [Fact]
    public async Task Create_NamespaceDeletedAfterwards_IOException()
    {
        var ns = await NetworkNamespace.CreateAsync();
        using var switcher = new NamespaceSwitcher();
        var factory = new NamespaceSocketFactory(switcher, Path.Combine(NetworkNamespace.HandleDirectory, ns.Name));
        (await factory.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).Dispose();

        await ns.DisposeAsync();

        await Assert.ThrowsAsync<IOException>(async () => await factory.CreateAsync(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
    }

    [Fact]
    public void RunAsync_AfterDispose_ObjectDisposedException()
    {
        var switcher = new NamespaceSwitcher();
        switcher.Dispose();

        Assert.Throws<ObjectDisposedException>(() => switcher.Run("/proc/self/ns/net", () => 1));
    }

    [Fact]
    public async Task RunAsync_WorkQueuedForOneNamespace_EntersItOnceAndReturnsHomeOnce()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        var path = Path.Combine(NetworkNamespace.HandleDirectory, ns.Name);
        using var switcher = new NamespaceSwitcher();
        using var gate = new ManualResetEventSlim();

        // The first piece holds the thread inside the namespace until the rest is queued behind it.
        var first = switcher.RunAsync(path, () => gate.Wait(TimeSpan.FromSeconds(30)));
        var rest = Enumerable.Range(0, 64).Select(_ => switcher.RunAsync(path, CurrentThreadNamespace)).ToList();
        gate.Set();
        Assert.True(await first);
        var seen = await Task.WhenAll(rest);

        Assert.All(seen, link => Assert.NotEqual(CurrentThreadNamespace(), link));
        Assert.Single(seen.Distinct());
        Assert.Equal(2, switcher.Switches);
    }

    [Fact]
    public async Task RunAsync_WorkForTwoNamespacesInterleaved_EachRunsInItsOwn()
    {
        await using var red = await NetworkNamespace.CreateAsync();
        await using var blue = await NetworkNamespace.CreateAsync();
        using var switcher = new NamespaceSwitcher();
        var paths = new[] { red, blue }.Select(ns => Path.Combine(NetworkNamespace.HandleDirectory, ns.Name)).ToArray();
        var expected = await Task.WhenAll(paths.Select(path => switcher.RunAsync(path, CurrentThreadNamespace)));
        Assert.NotEqual(expected[0], expected[1]);

        var seen = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => switcher.RunAsync(paths[i % 2], CurrentThreadNamespace)));

        Assert.All(seen.Select((link, i) => (link, i)), pair => Assert.Equal(expected[pair.i % 2], pair.link));
    }

    private static string CurrentThreadNamespace() => new FileInfo("/proc/thread-self/ns/net").LinkTarget ?? "";
}
