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

    /// <summary>
    /// Names the namespace itself, not the way to it: two factories with the same identity create sockets in the same
    /// namespace, so sockets that serve a whole namespace (the shared ICMP echo socket) are keyed by it.
    /// </summary>
    string Identity { get; }

    /// <summary>Creates a socket in the namespace, without blocking the caller while the namespace is entered.</summary>
    /// <exception cref="SocketException">The socket could not be created (e.g. a raw socket without CAP_NET_RAW).</exception>
    /// <exception cref="IOException">The namespace could not be entered, e.g. because it no longer exists.</exception>
    ValueTask<Socket> CreateAsync(AddressFamily family, SocketType type, ProtocolType protocol);
}
