using System.Text.Json;

namespace NetworkMachinery.SFlow.Json;

/// <summary>
/// Writes the fields of each fixed-layout counter record as JSON properties (camelCase names of the record's members),
/// into whatever object the caller has open. One place for these names, shared by every JSON output.
/// </summary>
public static class CounterJsonFields
{
    /// <summary>Writes the fields of a <see cref="GenericInterfaceCounters"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in GenericInterfaceCounters value)
    {
        writer.WriteNumber("ifIndex", value.IfIndex);
        writer.WriteNumber("ifType", value.IfType);
        writer.WriteNumber("ifSpeed", value.IfSpeed);
        writer.WriteNumber("ifDirection", value.IfDirection);
        writer.WriteNumber("ifStatus", value.IfStatus);
        writer.WriteNumber("inOctets", value.InOctets);
        writer.WriteNumber("inUnicastPackets", value.InUnicastPackets);
        writer.WriteNumber("inMulticastPackets", value.InMulticastPackets);
        writer.WriteNumber("inBroadcastPackets", value.InBroadcastPackets);
        writer.WriteNumber("inDiscards", value.InDiscards);
        writer.WriteNumber("inErrors", value.InErrors);
        writer.WriteNumber("inUnknownProtocols", value.InUnknownProtocols);
        writer.WriteNumber("outOctets", value.OutOctets);
        writer.WriteNumber("outUnicastPackets", value.OutUnicastPackets);
        writer.WriteNumber("outMulticastPackets", value.OutMulticastPackets);
        writer.WriteNumber("outBroadcastPackets", value.OutBroadcastPackets);
        writer.WriteNumber("outDiscards", value.OutDiscards);
        writer.WriteNumber("outErrors", value.OutErrors);
        writer.WriteNumber("promiscuousMode", value.PromiscuousMode);
    }

    /// <summary>Writes the fields of a <see cref="EthernetCounters"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in EthernetCounters value)
    {
        writer.WriteNumber("alignmentErrors", value.AlignmentErrors);
        writer.WriteNumber("fcsErrors", value.FcsErrors);
        writer.WriteNumber("singleCollisionFrames", value.SingleCollisionFrames);
        writer.WriteNumber("multipleCollisionFrames", value.MultipleCollisionFrames);
        writer.WriteNumber("sqeTestErrors", value.SqeTestErrors);
        writer.WriteNumber("deferredTransmissions", value.DeferredTransmissions);
        writer.WriteNumber("lateCollisions", value.LateCollisions);
        writer.WriteNumber("excessiveCollisions", value.ExcessiveCollisions);
        writer.WriteNumber("internalMacTransmitErrors", value.InternalMacTransmitErrors);
        writer.WriteNumber("carrierSenseErrors", value.CarrierSenseErrors);
        writer.WriteNumber("frameTooLongs", value.FrameTooLongs);
        writer.WriteNumber("internalMacReceiveErrors", value.InternalMacReceiveErrors);
        writer.WriteNumber("symbolErrors", value.SymbolErrors);
    }

    /// <summary>Writes the fields of a <see cref="VlanCounters"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in VlanCounters value)
    {
        writer.WriteNumber("vlanId", value.VlanId);
        writer.WriteNumber("octets", value.Octets);
        writer.WriteNumber("unicastPackets", value.UnicastPackets);
        writer.WriteNumber("multicastPackets", value.MulticastPackets);
        writer.WriteNumber("broadcastPackets", value.BroadcastPackets);
        writer.WriteNumber("discards", value.Discards);
    }

    /// <summary>Writes the fields of a <see cref="LacpCounters"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in LacpCounters value)
    {
        writer.WriteMac("actorSystemId", value.ActorSystemId);
        writer.WriteMac("partnerSystemId", value.PartnerSystemId);
        writer.WriteNumber("attachedAggregatorId", value.AttachedAggregatorId);
        writer.WriteNumber("portState", value.PortState);
        writer.WriteNumber("lacpdusRx", value.LacpdusRx);
        writer.WriteNumber("markerPdusRx", value.MarkerPdusRx);
        writer.WriteNumber("markerResponsePdusRx", value.MarkerResponsePdusRx);
        writer.WriteNumber("unknownRx", value.UnknownRx);
        writer.WriteNumber("illegalRx", value.IllegalRx);
        writer.WriteNumber("lacpdusTx", value.LacpdusTx);
        writer.WriteNumber("markerPdusTx", value.MarkerPdusTx);
        writer.WriteNumber("markerResponsePdusTx", value.MarkerResponsePdusTx);
    }

    /// <summary>Writes the fields of a <see cref="ProcessorCounters"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in ProcessorCounters value)
    {
        writer.WriteNumber("fiveSecondCpu", value.FiveSecondCpu);
        writer.WriteNumber("oneMinuteCpu", value.OneMinuteCpu);
        writer.WriteNumber("fiveMinuteCpu", value.FiveMinuteCpu);
        writer.WriteNumber("totalMemory", value.TotalMemory);
        writer.WriteNumber("freeMemory", value.FreeMemory);
    }

    /// <summary>Writes the fields of a <see cref="OpenFlowPort"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in OpenFlowPort value)
    {
        writer.WriteNumber("datapathId", value.DatapathId);
        writer.WriteNumber("portNumber", value.PortNumber);
    }

    /// <summary>Writes the fields of a <see cref="HostParent"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in HostParent value)
    {
        writer.WriteNumber("containerType", value.ContainerType);
        writer.WriteNumber("containerIndex", value.ContainerIndex);
    }

    /// <summary>Writes the fields of a <see cref="HostCpu"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in HostCpu value)
    {
        writer.WriteFloat("loadOne", value.LoadOne);
        writer.WriteFloat("loadFive", value.LoadFive);
        writer.WriteFloat("loadFifteen", value.LoadFifteen);
        writer.WriteNumber("processesRunning", value.ProcessesRunning);
        writer.WriteNumber("processesTotal", value.ProcessesTotal);
        writer.WriteNumber("cpuCount", value.CpuCount);
        writer.WriteNumber("cpuSpeedMhz", value.CpuSpeedMhz);
        writer.WriteNumber("uptimeSeconds", value.UptimeSeconds);
        writer.WriteNumber("cpuUser", value.CpuUser);
        writer.WriteNumber("cpuNice", value.CpuNice);
        writer.WriteNumber("cpuSystem", value.CpuSystem);
        writer.WriteNumber("cpuIdle", value.CpuIdle);
        writer.WriteNumber("cpuWaitIo", value.CpuWaitIo);
        writer.WriteNumber("cpuInterrupt", value.CpuInterrupt);
        writer.WriteNumber("cpuSoftInterrupt", value.CpuSoftInterrupt);
        writer.WriteNumber("interrupts", value.Interrupts);
        writer.WriteNumber("contextSwitches", value.ContextSwitches);
        writer.WriteNumber("cpuSteal", value.CpuSteal);
        writer.WriteNumber("cpuGuest", value.CpuGuest);
        writer.WriteNumber("cpuGuestNice", value.CpuGuestNice);
    }

    /// <summary>Writes the fields of a <see cref="HostMemory"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in HostMemory value)
    {
        writer.WriteNumber("total", value.Total);
        writer.WriteNumber("free", value.Free);
        writer.WriteNumber("shared", value.Shared);
        writer.WriteNumber("buffers", value.Buffers);
        writer.WriteNumber("cached", value.Cached);
        writer.WriteNumber("swapTotal", value.SwapTotal);
        writer.WriteNumber("swapFree", value.SwapFree);
        writer.WriteNumber("pageIn", value.PageIn);
        writer.WriteNumber("pageOut", value.PageOut);
        writer.WriteNumber("swapIn", value.SwapIn);
        writer.WriteNumber("swapOut", value.SwapOut);
    }

    /// <summary>Writes the fields of a <see cref="HostDiskIo"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in HostDiskIo value)
    {
        writer.WriteNumber("diskTotal", value.DiskTotal);
        writer.WriteNumber("diskFree", value.DiskFree);
        writer.WriteNumber("partitionMaxUsed", value.PartitionMaxUsed);
        writer.WriteNumber("reads", value.Reads);
        writer.WriteNumber("bytesRead", value.BytesRead);
        writer.WriteNumber("readTimeMs", value.ReadTimeMs);
        writer.WriteNumber("writes", value.Writes);
        writer.WriteNumber("bytesWritten", value.BytesWritten);
        writer.WriteNumber("writeTimeMs", value.WriteTimeMs);
    }

    /// <summary>Writes the fields of a <see cref="HostNetIo"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in HostNetIo value)
    {
        writer.WriteNumber("bytesIn", value.BytesIn);
        writer.WriteNumber("packetsIn", value.PacketsIn);
        writer.WriteNumber("errorsIn", value.ErrorsIn);
        writer.WriteNumber("dropsIn", value.DropsIn);
        writer.WriteNumber("bytesOut", value.BytesOut);
        writer.WriteNumber("packetsOut", value.PacketsOut);
        writer.WriteNumber("errorsOut", value.ErrorsOut);
        writer.WriteNumber("dropsOut", value.DropsOut);
    }

    /// <summary>Writes the fields of a <see cref="Mib2IpGroup"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in Mib2IpGroup value)
    {
        writer.WriteNumber("ipForwarding", value.IpForwarding);
        writer.WriteNumber("ipDefaultTTL", value.IpDefaultTTL);
        writer.WriteNumber("ipInReceives", value.IpInReceives);
        writer.WriteNumber("ipInHdrErrors", value.IpInHdrErrors);
        writer.WriteNumber("ipInAddrErrors", value.IpInAddrErrors);
        writer.WriteNumber("ipForwDatagrams", value.IpForwDatagrams);
        writer.WriteNumber("ipInUnknownProtos", value.IpInUnknownProtos);
        writer.WriteNumber("ipInDiscards", value.IpInDiscards);
        writer.WriteNumber("ipInDelivers", value.IpInDelivers);
        writer.WriteNumber("ipOutRequests", value.IpOutRequests);
        writer.WriteNumber("ipOutDiscards", value.IpOutDiscards);
        writer.WriteNumber("ipOutNoRoutes", value.IpOutNoRoutes);
        writer.WriteNumber("ipReasmTimeout", value.IpReasmTimeout);
        writer.WriteNumber("ipReasmReqds", value.IpReasmReqds);
        writer.WriteNumber("ipReasmOKs", value.IpReasmOKs);
        writer.WriteNumber("ipReasmFails", value.IpReasmFails);
        writer.WriteNumber("ipFragOKs", value.IpFragOKs);
        writer.WriteNumber("ipFragFails", value.IpFragFails);
        writer.WriteNumber("ipFragCreates", value.IpFragCreates);
    }

    /// <summary>Writes the fields of a <see cref="Mib2IcmpGroup"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in Mib2IcmpGroup value)
    {
        writer.WriteNumber("icmpInMsgs", value.IcmpInMsgs);
        writer.WriteNumber("icmpInErrors", value.IcmpInErrors);
        writer.WriteNumber("icmpInDestUnreachs", value.IcmpInDestUnreachs);
        writer.WriteNumber("icmpInTimeExcds", value.IcmpInTimeExcds);
        writer.WriteNumber("icmpInParamProbs", value.IcmpInParamProbs);
        writer.WriteNumber("icmpInSrcQuenchs", value.IcmpInSrcQuenchs);
        writer.WriteNumber("icmpInRedirects", value.IcmpInRedirects);
        writer.WriteNumber("icmpInEchos", value.IcmpInEchos);
        writer.WriteNumber("icmpInEchoReps", value.IcmpInEchoReps);
        writer.WriteNumber("icmpInTimestamps", value.IcmpInTimestamps);
        writer.WriteNumber("icmpInAddrMasks", value.IcmpInAddrMasks);
        writer.WriteNumber("icmpInAddrMaskReps", value.IcmpInAddrMaskReps);
        writer.WriteNumber("icmpOutMsgs", value.IcmpOutMsgs);
        writer.WriteNumber("icmpOutErrors", value.IcmpOutErrors);
        writer.WriteNumber("icmpOutDestUnreachs", value.IcmpOutDestUnreachs);
        writer.WriteNumber("icmpOutTimeExcds", value.IcmpOutTimeExcds);
        writer.WriteNumber("icmpOutParamProbs", value.IcmpOutParamProbs);
        writer.WriteNumber("icmpOutSrcQuenchs", value.IcmpOutSrcQuenchs);
        writer.WriteNumber("icmpOutRedirects", value.IcmpOutRedirects);
        writer.WriteNumber("icmpOutEchos", value.IcmpOutEchos);
        writer.WriteNumber("icmpOutEchoReps", value.IcmpOutEchoReps);
        writer.WriteNumber("icmpOutTimestamps", value.IcmpOutTimestamps);
        writer.WriteNumber("icmpOutTimestampReps", value.IcmpOutTimestampReps);
        writer.WriteNumber("icmpOutAddrMasks", value.IcmpOutAddrMasks);
        writer.WriteNumber("icmpOutAddrMaskReps", value.IcmpOutAddrMaskReps);
    }

    /// <summary>Writes the fields of a <see cref="Mib2TcpGroup"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in Mib2TcpGroup value)
    {
        writer.WriteNumber("tcpRtoAlgorithm", value.TcpRtoAlgorithm);
        writer.WriteNumber("tcpRtoMin", value.TcpRtoMin);
        writer.WriteNumber("tcpRtoMax", value.TcpRtoMax);
        writer.WriteNumber("tcpMaxConn", value.TcpMaxConn);
        writer.WriteNumber("tcpActiveOpens", value.TcpActiveOpens);
        writer.WriteNumber("tcpPassiveOpens", value.TcpPassiveOpens);
        writer.WriteNumber("tcpAttemptFails", value.TcpAttemptFails);
        writer.WriteNumber("tcpEstabResets", value.TcpEstabResets);
        writer.WriteNumber("tcpCurrEstab", value.TcpCurrEstab);
        writer.WriteNumber("tcpInSegs", value.TcpInSegs);
        writer.WriteNumber("tcpOutSegs", value.TcpOutSegs);
        writer.WriteNumber("tcpRetransSegs", value.TcpRetransSegs);
        writer.WriteNumber("tcpInErrs", value.TcpInErrs);
        writer.WriteNumber("tcpOutRsts", value.TcpOutRsts);
        writer.WriteNumber("tcpInCsumErrors", value.TcpInCsumErrors);
    }

    /// <summary>Writes the fields of a <see cref="Mib2UdpGroup"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in Mib2UdpGroup value)
    {
        writer.WriteNumber("udpInDatagrams", value.UdpInDatagrams);
        writer.WriteNumber("udpNoPorts", value.UdpNoPorts);
        writer.WriteNumber("udpInErrors", value.UdpInErrors);
        writer.WriteNumber("udpOutDatagrams", value.UdpOutDatagrams);
        writer.WriteNumber("udpRcvbufErrors", value.UdpRcvbufErrors);
        writer.WriteNumber("udpSndbufErrors", value.UdpSndbufErrors);
        writer.WriteNumber("udpInCsumErrors", value.UdpInCsumErrors);
    }

    /// <summary>Writes the fields of a <see cref="AppResources"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in AppResources value)
    {
        writer.WriteNumber("userTimeMs", value.UserTimeMs);
        writer.WriteNumber("systemTimeMs", value.SystemTimeMs);
        writer.WriteNumber("memoryUsed", value.MemoryUsed);
        writer.WriteNumber("memoryMax", value.MemoryMax);
        writer.WriteNumber("fdOpen", value.FdOpen);
        writer.WriteNumber("fdMax", value.FdMax);
        writer.WriteNumber("connectionsOpen", value.ConnectionsOpen);
        writer.WriteNumber("connectionsMax", value.ConnectionsMax);
    }

    /// <summary>Writes the fields of a <see cref="OvsDatapath"/> record.</summary>
    public static void Write(Utf8JsonWriter writer, in OvsDatapath value)
    {
        writer.WriteNumber("hit", value.Hit);
        writer.WriteNumber("missed", value.Missed);
        writer.WriteNumber("lost", value.Lost);
        writer.WriteNumber("maskHit", value.MaskHit);
        writer.WriteNumber("flows", value.Flows);
        writer.WriteNumber("masks", value.Masks);
    }
}
