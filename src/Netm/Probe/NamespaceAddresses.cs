using System.Net;
using System.Net.NetworkInformation;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Netm.Probe;

/// <summary>The addresses configured inside a named network namespace, read on the switcher's thread inside it.</summary>
internal sealed class NamespaceAddresses(NamespaceSwitcher switcher, string netnsDirectory)
{
    /// <summary>Every unicast address of every interface of namespace <paramref name="name"/>; empty when it has none or cannot be entered.</summary>
    public IReadOnlyList<IPAddress> Of(string name)
    {
        try
        {
            return switcher.Run(Path.Combine(netnsDirectory, name), InterfaceAddresses.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NetworkInformationException)
        {
            return [];
        }
    }
}
