using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Export;

/// <summary>Which datagram of which agent stream a record came from: the records of one become one bus message.</summary>
internal readonly record struct DatagramId(IpAddressValue Agent, uint SubAgentId, uint Sequence, uint UptimeMs);
