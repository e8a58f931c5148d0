using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>The addresses configured in a network namespace, read by a thread inside it (the switcher's).</summary>
public static class InterfaceAddresses
{
    /// <summary>The unicast addresses of the calling thread's network namespace's interfaces that are up, in the kernel's order.</summary>
    /// <exception cref="NetworkInformationException">The interfaces cannot be read.</exception>
    public static IReadOnlyList<IPAddress> Read() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(nic => nic.OperationalStatus != OperationalStatus.Down)
        .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
        .Select(unicast => unicast.Address)
        .ToList();

    /// <summary>Whether <paramref name="address"/> reaches beyond its link: not loopback, link-local, site-local or multicast.</summary>
    public static bool IsGlobal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !IPAddress.IsLoopback(address) && !address.IsIPv6LinkLocal && !address.IsIPv6Multicast && !address.IsIPv6SiteLocal
            && !(address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, ..]);
    }
}
