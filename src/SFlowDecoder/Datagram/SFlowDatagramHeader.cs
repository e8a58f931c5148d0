namespace NetworkMachinery.SFlow;

/// <summary>The header of an sFlow version 5 datagram.</summary>
/// <param name="Version">The datagram version; always 5 once decoded.</param>
/// <param name="AgentAddress">The agent's IPv4 or IPv6 address, as the agent reports it.</param>
/// <param name="SubAgentId">Tells apart datagram streams from separate sub-agents of one agent (Open vSwitch uses one per bridge).</param>
/// <param name="SequenceNumber">Incremented by the sub-agent for every datagram it sends; a gap means lost datagrams.</param>
/// <param name="UptimeMs">Milliseconds since the agent booted; going back means the agent restarted.</param>
/// <param name="SampleCount">Number of samples in the datagram.</param>
public readonly record struct SFlowDatagramHeader(
    uint Version,
    IpAddressValue AgentAddress,
    uint SubAgentId,
    uint SequenceNumber,
    uint UptimeMs,
    uint SampleCount);
