using NetworkMachinery.Prober.Probes;
using NetworkMachinery.Prober.Probes.Dns;
using NetworkMachinery.Prober.Probes.Http;
using NetworkMachinery.Prober.Probes.Icmp;
using NetworkMachinery.Prober.Probes.Mtu;
using NetworkMachinery.Prober.Probes.Tcp;
using NetworkMachinery.Prober.Probes.Udp;

namespace NetworkMachinery.Prober.Execution;

/// <summary>Every probe kind the prober has, for the runner of an agent or of <c>netm probe</c>.</summary>
public static class ProbeKinds
{
    /// <summary>One probe of each kind, on <paramref name="time"/>'s clock.</summary>
    public static IReadOnlyList<ITargetProbe> All(TimeProvider time) =>
    [
        new IcmpProbe(time),
        new TcpProbe(time),
        new UdpProbe(time),
        new HttpProbe(),
        new DnsProbe(),
        new MtuProbe(),
    ];
}
