namespace NetworkMachinery.SFlow;

/// <summary>Flow record formats (enterprise 0) that this decoder reads. Other values are skipped by their length.</summary>
public enum FlowRecordFormat : uint
{
    /// <summary>1: the sampled packet's leading bytes (<see cref="RawPacketHeader"/>).</summary>
    RawPacketHeader = 1,

    /// <summary>2: decoded Ethernet fields (<see cref="SampledEthernet"/>).</summary>
    Ethernet = 2,

    /// <summary>3: decoded IPv4 fields (<see cref="SampledIPv4"/>).</summary>
    IPv4 = 3,

    /// <summary>4: decoded IPv6 fields (<see cref="SampledIPv6"/>).</summary>
    IPv6 = 4,

    /// <summary>1001: VLANs and priorities (<see cref="ExtendedSwitch"/>).</summary>
    ExtendedSwitch = 1001,

    /// <summary>1002: next hop and prefix lengths (<see cref="ExtendedRouter"/>).</summary>
    ExtendedRouter = 1002,

    /// <summary>1003: BGP next hop, AS path and communities (<see cref="ExtendedGateway"/>).</summary>
    ExtendedGateway = 1003,

    /// <summary>1004: source and destination user names (<see cref="ExtendedUser"/>).</summary>
    ExtendedUser = 1004,

    /// <summary>1005: URL and host (<see cref="ExtendedUrl"/>).</summary>
    ExtendedUrl = 1005,

    /// <summary>1006: MPLS next hop and label stacks (<see cref="ExtendedMpls"/>).</summary>
    ExtendedMpls = 1006,

    /// <summary>1007: translated source and destination addresses (<see cref="ExtendedNat"/>).</summary>
    ExtendedNat = 1007,

    /// <summary>1021: outer Ethernet header of a packet leaving through a tunnel (<see cref="SampledEthernet"/>).</summary>
    ExtendedL2TunnelEgress = 1021,

    /// <summary>1022: outer Ethernet header of a packet arriving through a tunnel (<see cref="SampledEthernet"/>).</summary>
    ExtendedL2TunnelIngress = 1022,

    /// <summary>1023: outer IPv4 header of a packet leaving through a tunnel (<see cref="SampledIPv4"/>).</summary>
    ExtendedIPv4TunnelEgress = 1023,

    /// <summary>1024: outer IPv4 header of a packet arriving through a tunnel (<see cref="SampledIPv4"/>).</summary>
    ExtendedIPv4TunnelIngress = 1024,

    /// <summary>1025: outer IPv6 header of a packet leaving through a tunnel (<see cref="SampledIPv6"/>).</summary>
    ExtendedIPv6TunnelEgress = 1025,

    /// <summary>1026: outer IPv6 header of a packet arriving through a tunnel (<see cref="SampledIPv6"/>).</summary>
    ExtendedIPv6TunnelIngress = 1026,

    /// <summary>1027: offset of the inner header once the packet leaving is decapsulated (<see cref="ExtendedDecapsulation"/>).</summary>
    ExtendedDecapsulateEgress = 1027,

    /// <summary>1028: offset of the inner header of an arriving packet that was decapsulated (<see cref="ExtendedDecapsulation"/>).</summary>
    ExtendedDecapsulateIngress = 1028,

    /// <summary>1029: virtual network id of the tunnel a packet leaves through (<see cref="ExtendedVni"/>).</summary>
    ExtendedVniEgress = 1029,

    /// <summary>1030: virtual network id of the tunnel a packet arrived through (<see cref="ExtendedVni"/>).</summary>
    ExtendedVniIngress = 1030,
}
