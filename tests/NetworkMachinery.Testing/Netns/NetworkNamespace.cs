using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Native;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Netns;

/// <summary>
/// A network namespace of our own (<c>nmt-</c> and a random id), with its loopback up. Commands and sockets can be run
/// and opened inside it. Disposing deletes it, and with it every interface inside it: the veth pairs with an end here
/// go away whole. Needs root.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    /// <summary>Where <c>ip netns</c> keeps the namespace handles.</summary>
    public const string HandleDirectory = "/run/netns";

    private bool _disposed;

    private NetworkNamespace(string name) => Name = name;

    /// <summary>The namespace's name, as <c>ip netns list</c> shows it.</summary>
    public string Name { get; }

    /// <summary>Creates a namespace with a unique name and brings its loopback up.</summary>
    public static async Task<NetworkNamespace> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("Network namespaces need root: run the tests as root.");
        }

        var ns = new NetworkNamespace($"{UniqueId.Prefix}-{UniqueId.Next()}");
        await ProcessRunner.RunAsync("ip", ["netns", "add", ns.Name], cancellationToken);
        try
        {
            await ns.SetLinkUpAsync("lo", cancellationToken);
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    /// <summary>True while the namespace exists (its handle under <see cref="HandleDirectory"/>).</summary>
    public static bool Exists(string name) => File.Exists(Path.Combine(HandleDirectory, name));

    /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>).</summary>
    public Task<ProcessResult> ExecAsync(
        string fileName, IEnumerable<string> arguments, ProcessOptions? options = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync("ip", ExecArguments(fileName, arguments), options, cancellationToken);

    /// <summary>
    /// Starts a background process inside the namespace. <c>ip netns exec</c> execs the command in place, so the
    /// process's id is the command's.
    /// </summary>
    public BackgroundProcess Start(string fileName, IEnumerable<string> arguments, BackgroundProcessOptions? options = null) =>
        BackgroundProcess.Start("ip", ExecArguments(fileName, arguments), options);

    /// <summary>Runs <c>ip</c> against this namespace (<c>ip -n NAME ...</c>).</summary>
    public Task<ProcessResult> IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync("ip", arguments.Prepend(Name).Prepend("-n"), cancellationToken);

    /// <summary>Brings a link up.</summary>
    public Task SetLinkUpAsync(string device, CancellationToken cancellationToken = default) =>
        IpAsync(["link", "set", "dev", device, "up"], cancellationToken);

    /// <summary>
    /// Adds an address. IPv6 addresses skip duplicate address detection, which would otherwise keep them unusable
    /// ("tentative") for a second or two.
    /// </summary>
    public Task AddAddressAsync(string device, IPAddress address, int prefixLength, CancellationToken cancellationToken = default) =>
        IpAsync(
            address.AddressFamily == AddressFamily.InterNetworkV6
                ? ["-6", "address", "add", $"{address}/{prefixLength}", "dev", device, "nodad"]
                : ["address", "add", $"{address}/{prefixLength}", "dev", device],
            cancellationToken);

    /// <summary>
    /// Turns transmit checksum offload off on a device. A veth leaves TCP checksums to the receiver's offload; a packet
    /// that crosses a userspace switch on the way arrives with a bad checksum and is dropped, so TCP stalls.
    /// </summary>
    public Task DisableTxChecksumOffloadAsync(string device, CancellationToken cancellationToken = default) =>
        ExecAsync("ethtool", ["-K", device, "tx", "off"], cancellationToken: cancellationToken);

    /// <summary>
    /// Creates a veth pair with <paramref name="name"/> here and <paramref name="peerName"/> in <paramref name="peer"/>
    /// (both ends created in place: no name ever appears in the host namespace). Names are at most 15 characters.
    /// </summary>
    public Task CreateVethPairAsync(string name, NetworkNamespace peer, string peerName, CancellationToken cancellationToken = default) =>
        IpAsync(["link", "add", name, "type", "veth", "peer", "name", peerName, "netns", peer.Name], cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> on a new thread that has entered this namespace, and returns its result. Sockets
    /// created there stay in this namespace for their whole life, wherever they are used afterwards.
    /// </summary>
    public T Run<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        T result = default!;
        ExceptionDispatchInfo? error = null;

        // setns moves only the calling thread. A dedicated thread that ends right after keeps the switch away from the
        // thread pool: no pooled thread is ever left in the wrong namespace.
        var thread = new Thread(() =>
        {
            try
            {
                using (var handle = File.OpenHandle(Path.Combine(HandleDirectory, Name)))
                {
                    if (LibC.SetNamespace(handle, LibC.CloneNewNet) != 0)
                    {
                        throw new InvalidOperationException(
                            $"setns into network namespace '{Name}' failed: errno {Marshal.GetLastPInvokeError()}.");
                    }
                }

                result = action();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {Name}",
        };
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }

    /// <summary>Creates a socket that lives in this namespace.</summary>
    public Socket CreateSocket(AddressFamily family, SocketType type, ProtocolType protocol) =>
        Run(() => new Socket(family, type, protocol));

    /// <summary>
    /// Deletes the namespace. Stop the processes running in it first: the kernel keeps a namespace (and its interfaces)
    /// alive, unnamed, while any process or socket still uses it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var result = await ProcessRunner.RunAsync("ip", ["netns", "delete", Name], new ProcessOptions { ThrowOnFailure = false });
        if (!result.Succeeded && Exists(Name))
        {
            throw new ProcessFailedException(result);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private IEnumerable<string> ExecArguments(string fileName, IEnumerable<string> arguments) =>
        new[] { "netns", "exec", Name, fileName }.Concat(arguments);
}
