using Google.Protobuf.Reflection;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Contracts;
using NetworkMachinery.SFlow;
using Structures = NetworkMachinery.Contracts.CounterMessage.Types;

namespace NetworkMachinery.Collector.Export;

/// <summary>Maps the collector's counter records onto the <see cref="CounterMessage"/> contract (docs/contracts.md).</summary>
internal static class CounterMessageMapper
{
    // Clearing through the descriptor clears every field, including ones added to the contract later, so a reused
    // message never carries a structure over from the previous record.
    private static readonly IFieldAccessor[] Fields = [.. CounterMessage.Descriptor.Fields.InDeclarationOrder().Select(field => field.Accessor)];

    /// <summary>
    /// Overwrites <paramref name="message"/> with the record, so that one message object serves many records. The
    /// structures the record lacks are absent from the message.
    /// </summary>
    public static void Fill(CounterMessage message, in CounterRecord record)
    {
        foreach (var field in Fields)
        {
            field.Clear(message);
        }

        message.TimeReceivedNs = (ulong)record.TimeReceivedNs;
        message.SamplerAddress = FlowMessageMapper.AddressBytes(record.AgentAddress);
        message.SubAgentId = record.SubAgentId;
        message.SequenceNum = record.DatagramSequence;
        message.AgentUptimeMs = record.AgentUptimeMs;
        message.SampleSequence = record.SampleSequence;
        message.SourceIdType = record.SourceIdType;
        message.SourceIdIndex = record.SourceIdIndex;

        if (record.Interface is { } generic)
        {
            message.GenericInterface = Map(generic);
        }

        if (record.Ethernet is { } ethernet)
        {
            message.Ethernet = Map(ethernet);
        }

        if (record.Vlan is { } vlan)
        {
            message.Vlan = Map(vlan);
        }

        if (record.Lacp is { } lacp)
        {
            message.Lacp = Map(lacp);
        }

        if (record.Processor is { } processor)
        {
            message.Processor = Map(processor);
        }

        if (record.OpenFlowPort is { } port)
        {
            message.OpenflowPort = Map(port);
        }

        if (record.PortName is { } portName)
        {
            message.PortName = portName;
        }

        if (record.Hostname is { } hostname)
        {
            message.Hostname = hostname;
        }

        if (record.HostCpu is { } cpu)
        {
            message.HostCpu = Map(cpu);
        }

        if (record.HostMemory is { } memory)
        {
            message.HostMemory = Map(memory);
        }

        if (record.HostDiskIo is { } disk)
        {
            message.HostDiskIo = Map(disk);
        }

        if (record.HostNetIo is { } net)
        {
            message.HostNetIo = Map(net);
        }

        if (record.AppResources is { } app)
        {
            message.AppResources = Map(app);
        }

        if (record.OvsDatapath is { } datapath)
        {
            message.OvsDatapath = Map(datapath);
        }
    }

    private static Structures.GenericInterface Map(GenericInterfaceCounters counters) => new()
    {
        IfIndex = counters.IfIndex,
        IfType = counters.IfType,
        IfSpeed = counters.IfSpeed,
        IfDirection = counters.IfDirection,
        IfStatus = counters.IfStatus,
        InOctets = counters.InOctets,
        InUnicastPackets = counters.InUnicastPackets,
        InMulticastPackets = counters.InMulticastPackets,
        InBroadcastPackets = counters.InBroadcastPackets,
        InDiscards = counters.InDiscards,
        InErrors = counters.InErrors,
        InUnknownProtocols = counters.InUnknownProtocols,
        OutOctets = counters.OutOctets,
        OutUnicastPackets = counters.OutUnicastPackets,
        OutMulticastPackets = counters.OutMulticastPackets,
        OutBroadcastPackets = counters.OutBroadcastPackets,
        OutDiscards = counters.OutDiscards,
        OutErrors = counters.OutErrors,
        PromiscuousMode = counters.PromiscuousMode,
    };

    private static Structures.Ethernet Map(EthernetCounters counters) => new()
    {
        AlignmentErrors = counters.AlignmentErrors,
        FcsErrors = counters.FcsErrors,
        SingleCollisionFrames = counters.SingleCollisionFrames,
        MultipleCollisionFrames = counters.MultipleCollisionFrames,
        SqeTestErrors = counters.SqeTestErrors,
        DeferredTransmissions = counters.DeferredTransmissions,
        LateCollisions = counters.LateCollisions,
        ExcessiveCollisions = counters.ExcessiveCollisions,
        InternalMacTransmitErrors = counters.InternalMacTransmitErrors,
        CarrierSenseErrors = counters.CarrierSenseErrors,
        FrameTooLongs = counters.FrameTooLongs,
        InternalMacReceiveErrors = counters.InternalMacReceiveErrors,
        SymbolErrors = counters.SymbolErrors,
    };

    private static Structures.Vlan Map(VlanCounters vlan) => new()
    {
        VlanId = vlan.VlanId,
        Octets = vlan.Octets,
        UnicastPackets = vlan.UnicastPackets,
        MulticastPackets = vlan.MulticastPackets,
        BroadcastPackets = vlan.BroadcastPackets,
        Discards = vlan.Discards,
    };

    private static Structures.Lacp Map(LacpCounters counters) => new()
    {
        ActorSystemId = counters.ActorSystemId.Value,
        PartnerSystemId = counters.PartnerSystemId.Value,
        AttachedAggregatorId = counters.AttachedAggregatorId,
        PortState = counters.PortState,
        LacpdusRx = counters.LacpdusRx,
        MarkerPdusRx = counters.MarkerPdusRx,
        MarkerResponsePdusRx = counters.MarkerResponsePdusRx,
        UnknownRx = counters.UnknownRx,
        IllegalRx = counters.IllegalRx,
        LacpdusTx = counters.LacpdusTx,
        MarkerPdusTx = counters.MarkerPdusTx,
        MarkerResponsePdusTx = counters.MarkerResponsePdusTx,
    };

    private static Structures.Processor Map(ProcessorCounters processor) => new()
    {
        FiveSecondCpu = processor.FiveSecondCpu,
        OneMinuteCpu = processor.OneMinuteCpu,
        FiveMinuteCpu = processor.FiveMinuteCpu,
        TotalMemory = processor.TotalMemory,
        FreeMemory = processor.FreeMemory,
    };

    private static Structures.OpenFlowPort Map(OpenFlowPort port) => new() { DatapathId = port.DatapathId, PortNumber = port.PortNumber };

    private static Structures.HostCpu Map(HostCpu cpu) => new()
    {
        LoadOne = cpu.LoadOne,
        LoadFive = cpu.LoadFive,
        LoadFifteen = cpu.LoadFifteen,
        ProcessesRunning = cpu.ProcessesRunning,
        ProcessesTotal = cpu.ProcessesTotal,
        CpuCount = cpu.CpuCount,
        CpuSpeedMhz = cpu.CpuSpeedMhz,
        UptimeSeconds = cpu.UptimeSeconds,
        CpuUser = cpu.CpuUser,
        CpuNice = cpu.CpuNice,
        CpuSystem = cpu.CpuSystem,
        CpuIdle = cpu.CpuIdle,
        CpuWaitIo = cpu.CpuWaitIo,
        CpuInterrupt = cpu.CpuInterrupt,
        CpuSoftInterrupt = cpu.CpuSoftInterrupt,
        Interrupts = cpu.Interrupts,
        ContextSwitches = cpu.ContextSwitches,
        CpuSteal = cpu.CpuSteal,
        CpuGuest = cpu.CpuGuest,
        CpuGuestNice = cpu.CpuGuestNice,
    };

    private static Structures.HostMemory Map(HostMemory memory) => new()
    {
        Total = memory.Total,
        Free = memory.Free,
        Shared = memory.Shared,
        Buffers = memory.Buffers,
        Cached = memory.Cached,
        SwapTotal = memory.SwapTotal,
        SwapFree = memory.SwapFree,
        PageIn = memory.PageIn,
        PageOut = memory.PageOut,
        SwapIn = memory.SwapIn,
        SwapOut = memory.SwapOut,
    };

    private static Structures.HostDiskIo Map(HostDiskIo disk) => new()
    {
        DiskTotal = disk.DiskTotal,
        DiskFree = disk.DiskFree,
        PartitionMaxUsed = disk.PartitionMaxUsed,
        Reads = disk.Reads,
        BytesRead = disk.BytesRead,
        ReadTimeMs = disk.ReadTimeMs,
        Writes = disk.Writes,
        BytesWritten = disk.BytesWritten,
        WriteTimeMs = disk.WriteTimeMs,
    };

    private static Structures.HostNetIo Map(HostNetIo net) => new()
    {
        BytesIn = net.BytesIn,
        PacketsIn = net.PacketsIn,
        ErrorsIn = net.ErrorsIn,
        DropsIn = net.DropsIn,
        BytesOut = net.BytesOut,
        PacketsOut = net.PacketsOut,
        ErrorsOut = net.ErrorsOut,
        DropsOut = net.DropsOut,
    };

    private static Structures.AppResources Map(AppResources app) => new()
    {
        UserTimeMs = app.UserTimeMs,
        SystemTimeMs = app.SystemTimeMs,
        MemoryUsed = app.MemoryUsed,
        MemoryMax = app.MemoryMax,
        FdOpen = app.FdOpen,
        FdMax = app.FdMax,
        ConnectionsOpen = app.ConnectionsOpen,
        ConnectionsMax = app.ConnectionsMax,
    };

    private static Structures.OvsDatapath Map(OvsDatapath datapath) => new()
    {
        Hit = datapath.Hit,
        Missed = datapath.Missed,
        Lost = datapath.Lost,
        MaskHit = datapath.MaskHit,
        Flows = datapath.Flows,
        Masks = datapath.Masks,
    };
}
