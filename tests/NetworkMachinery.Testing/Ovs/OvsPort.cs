using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Testing.Ovs;

/// <summary>A network namespace plugged into a bridge through a veth pair.</summary>
/// <param name="Bridge">The bridge the port belongs to.</param>
/// <param name="Name">The switch-side veth end: the OVS port and interface name (sFlow reports it in counter record 1005).</param>
/// <param name="OfPort">The OpenFlow port number OVS gave it.</param>
/// <param name="IfIndex">Its ifIndex: the interface sFlow flow samples and counter samples name.</param>
/// <param name="Peer">The plugged namespace.</param>
/// <param name="PeerInterface">The veth end inside <paramref name="Peer"/>.</param>
public sealed record OvsPort(string Bridge, string Name, int OfPort, uint IfIndex, NetworkNamespace Peer, string PeerInterface);
