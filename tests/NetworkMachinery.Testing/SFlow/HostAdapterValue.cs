using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>One network adapter to encode in a host adapters record.</summary>
/// <param name="IfIndex">The adapter's ifIndex.</param>
/// <param name="Macs">Its MAC addresses.</param>
public sealed record HostAdapterValue(uint IfIndex, IReadOnlyList<MacAddress> Macs);
