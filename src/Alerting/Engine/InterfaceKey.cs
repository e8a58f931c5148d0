namespace NetworkMachinery.Alerting.Engine;

/// <summary>An interface of an agent: what counter samples and counter conditions are kept per.</summary>
/// <param name="Agent">The agent's address (IPv4-mapped when IPv4).</param>
/// <param name="SubAgent">The sub-agent.</param>
/// <param name="IfIndex">The interface index.</param>
internal readonly record struct InterfaceKey(UInt128 Agent, uint SubAgent, uint IfIndex);
