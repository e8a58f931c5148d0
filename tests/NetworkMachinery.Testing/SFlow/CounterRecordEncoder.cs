using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Encodes every counter record the decoder knows, field by field in the order of the sFlow specifications
/// (sflow_version_5.txt, sflow_lag, sflow_openflow, sflow_application, Open vSwitch's ovs_dp_stats; the host
/// structures are in <c>CounterRecordEncoder.Host.cs</c>).
/// </summary>
public static partial class CounterRecordEncoder
{
    /// <summary>Record 1, <c>if_counters</c>.</summary>
    public static SFlowStructure GenericInterface(GenericInterfaceCounters value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.GenericInterface, w => w
            .WriteUInt32(value.IfIndex)
            .WriteUInt32(value.IfType)
            .WriteUInt64(value.IfSpeed)
            .WriteUInt32(value.IfDirection)
            .WriteUInt32(value.IfStatus)
            .WriteUInt64(value.InOctets)
            .WriteUInt32(value.InUnicastPackets)
            .WriteUInt32(value.InMulticastPackets)
            .WriteUInt32(value.InBroadcastPackets)
            .WriteUInt32(value.InDiscards)
            .WriteUInt32(value.InErrors)
            .WriteUInt32(value.InUnknownProtocols)
            .WriteUInt64(value.OutOctets)
            .WriteUInt32(value.OutUnicastPackets)
            .WriteUInt32(value.OutMulticastPackets)
            .WriteUInt32(value.OutBroadcastPackets)
            .WriteUInt32(value.OutDiscards)
            .WriteUInt32(value.OutErrors)
            .WriteUInt32(value.PromiscuousMode));

    /// <summary>Record 2, <c>ethernet_counters</c>.</summary>
    public static SFlowStructure Ethernet(EthernetCounters value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Ethernet, w => w
            .WriteUInt32(value.AlignmentErrors)
            .WriteUInt32(value.FcsErrors)
            .WriteUInt32(value.SingleCollisionFrames)
            .WriteUInt32(value.MultipleCollisionFrames)
            .WriteUInt32(value.SqeTestErrors)
            .WriteUInt32(value.DeferredTransmissions)
            .WriteUInt32(value.LateCollisions)
            .WriteUInt32(value.ExcessiveCollisions)
            .WriteUInt32(value.InternalMacTransmitErrors)
            .WriteUInt32(value.CarrierSenseErrors)
            .WriteUInt32(value.FrameTooLongs)
            .WriteUInt32(value.InternalMacReceiveErrors)
            .WriteUInt32(value.SymbolErrors));

    /// <summary>Record 5, <c>vlan_counters</c>.</summary>
    public static SFlowStructure Vlan(VlanCounters value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Vlan, w => w
            .WriteUInt32(value.VlanId)
            .WriteUInt64(value.Octets)
            .WriteUInt32(value.UnicastPackets)
            .WriteUInt32(value.MulticastPackets)
            .WriteUInt32(value.BroadcastPackets)
            .WriteUInt32(value.Discards));

    /// <summary>
    /// Record 7, <c>lag_port_stats</c>. The port state is <c>opaque[4]</c> (actor admin, actor oper, partner admin,
    /// partner oper); <see cref="LacpCounters.PortState"/> holds those bytes as a big-endian word, which is how it is written.
    /// </summary>
    public static SFlowStructure Lacp(LacpCounters value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Lacp, w => w
            .WriteMac(value.ActorSystemId)
            .WriteMac(value.PartnerSystemId)
            .WriteUInt32(value.AttachedAggregatorId)
            .WriteUInt32(value.PortState)
            .WriteUInt32(value.LacpdusRx)
            .WriteUInt32(value.MarkerPdusRx)
            .WriteUInt32(value.MarkerResponsePdusRx)
            .WriteUInt32(value.UnknownRx)
            .WriteUInt32(value.IllegalRx)
            .WriteUInt32(value.LacpdusTx)
            .WriteUInt32(value.MarkerPdusTx)
            .WriteUInt32(value.MarkerResponsePdusTx));

    /// <summary>Record 1001, <c>processor</c>.</summary>
    public static SFlowStructure Processor(ProcessorCounters value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Processor, w => w
            .WriteInt32(value.FiveSecondCpu)
            .WriteInt32(value.OneMinuteCpu)
            .WriteInt32(value.FiveMinuteCpu)
            .WriteUInt64(value.TotalMemory)
            .WriteUInt64(value.FreeMemory));

    /// <summary>Record 1004, <c>of_port</c>.</summary>
    public static SFlowStructure OpenFlowPort(OpenFlowPort value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.OpenFlowPort, w => w
            .WriteUInt64(value.DatapathId)
            .WriteUInt32(value.PortNumber));

    /// <summary>Record 1005, <c>port_name</c>: any bytes, so a test can send invalid UTF-8 or more than the 255 allowed.</summary>
    public static SFlowStructure PortName(ReadOnlySpan<byte> name) =>
        new((uint)CounterRecordFormat.PortName, new XdrWriter().WriteVariableOpaque(name).ToArray());

    /// <summary>Record 2203, <c>app_resources</c>.</summary>
    public static SFlowStructure AppResources(AppResources value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.AppResources, w => w
            .WriteUInt32(value.UserTimeMs)
            .WriteUInt32(value.SystemTimeMs)
            .WriteUInt64(value.MemoryUsed)
            .WriteUInt64(value.MemoryMax)
            .WriteUInt32(value.FdOpen)
            .WriteUInt32(value.FdMax)
            .WriteUInt32(value.ConnectionsOpen)
            .WriteUInt32(value.ConnectionsMax));

    /// <summary>Record 2207, Open vSwitch's <c>ovs_dp_stats</c>.</summary>
    public static SFlowStructure OvsDatapath(OvsDatapath value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.OvsDatapath, w => w
            .WriteUInt32(value.Hit)
            .WriteUInt32(value.Missed)
            .WriteUInt32(value.Lost)
            .WriteUInt32(value.MaskHit)
            .WriteUInt32(value.Flows)
            .WriteUInt32(value.Masks));
}
