using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Execution;

/// <summary>
/// The address a source sends from, for <c>source.address</c> of its results: the first global unicast address
/// configured in its network namespace (of the target's family: IPv6 for an IPv6 target), read on the switcher's
/// thread inside the namespace. What a namespace has is remembered for a while, so only a namespace's first task in
/// that time pays for reading it.
/// </summary>
/// <param name="switcher">Enters the namespaces to read their addresses.</param>
/// <param name="time">The clock of the remembered addresses.</param>
internal sealed class SourceAddresses(NamespaceSwitcher switcher, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// The address <paramref name="source"/> sends to <paramref name="family"/> from; empty when it has none or its
    /// namespace cannot be read.
    /// </summary>
    public async Task<string> OfAsync(ProbeSource source, AddressFamily family)
    {
        if (source.Sockets is not { } sockets)
        {
            return "";
        }

        var now = time.GetTimestamp();
        if (!_known.TryGetValue(sockets.Identity, out var known) || time.GetElapsedTime(known.ReadAt, now) > Lifetime)
        {
            known = new Known(now, source.NamespacePath is { } path ? switcher.RunAsync(path, Read) : Task.FromResult(Read()));
            _known[sockets.Identity] = known;
        }

        try
        {
            var addresses = await known.Addresses.ConfigureAwait(false);
            return addresses.FirstOrDefault(address => address.AddressFamily == family)?.ToString() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NetworkInformationException)
        {
            return "";
        }
    }

    // The thread's namespace's global unicast addresses, interfaces in the kernel's order.
    private static IReadOnlyList<IPAddress> Read() => [.. InterfaceAddresses.Read().Where(InterfaceAddresses.IsGlobal)];

    private sealed record Known(long ReadAt, Task<IReadOnlyList<IPAddress>> Addresses);
}
