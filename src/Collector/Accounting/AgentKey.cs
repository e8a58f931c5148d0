using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Accounting;

/// <summary>Identifies one stream of datagrams: an agent address and one of its sub-agents.</summary>
/// <param name="Address">The agent address from the datagram header.</param>
/// <param name="SubAgentId">The sub-agent id from the datagram header.</param>
public readonly record struct AgentKey(IpAddressValue Address, uint SubAgentId);
