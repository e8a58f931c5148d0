using System.Net.Sockets;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Creates sockets in one network namespace. A socket keeps the namespace it was created in for its whole life, so a
/// probe that gets its sockets from here runs "inside" that namespace from any thread, thread-pool threads included.
/// </summary>
public interface ISocketFactory
{
    /// <summary>A short description of the namespace for messages and logs, e.g. <c>netns red</c> or <c>host</c>.</summary>
    string Description { get; }

    /// <summary>Creates a socket in the namespace.</summary>
    /// <exception cref="SocketException">The socket could not be created (e.g. a raw socket without CAP_NET_RAW).</exception>
    /// <exception cref="IOException">The namespace could not be entered, e.g. because it no longer exists.</exception>
    Socket Create(AddressFamily family, SocketType type, ProtocolType protocol);
}
