using System.Text.Json;

namespace NetworkMachinery.SFlow.Json;

/// <content>Counter records.</content>
public static partial class SampleJsonWriter
{
    /// <summary>Writes a counter record's fields; false when the format is unknown. A decode error sets <paramref name="error"/>.</summary>
    private static bool TryWriteCounterRecord(Utf8JsonWriter writer, SFlowRecord record, out SFlowError error)
    {
        error = default;
        switch (record.CounterFormat)
        {
            case CounterRecordFormat.GenericInterface:
            {
                writer.WriteString("name", "genericInterface");
                if (record.TryRead<GenericInterfaceCounters>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Ethernet:
            {
                writer.WriteString("name", "ethernet");
                if (record.TryRead<EthernetCounters>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Vlan:
            {
                writer.WriteString("name", "vlan");
                if (record.TryRead<VlanCounters>(out var value, out error))
                {
                    writer.WriteNumber("vlanId", value.VlanId);
                    writer.WriteNumber("octets", value.Octets);
                    writer.WriteNumber("unicastPackets", value.UnicastPackets);
                    writer.WriteNumber("multicastPackets", value.MulticastPackets);
                    writer.WriteNumber("broadcastPackets", value.BroadcastPackets);
                    writer.WriteNumber("discards", value.Discards);
                }

                return true;
            }

            case CounterRecordFormat.Lacp:
            {
                writer.WriteString("name", "lacp");
                if (record.TryRead<LacpCounters>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Processor:
            {
                writer.WriteString("name", "processor");
                if (record.TryRead<ProcessorCounters>(out var value, out error))
                {
                    writer.WriteNumber("fiveSecondCpu", value.FiveSecondCpu);
                    writer.WriteNumber("oneMinuteCpu", value.OneMinuteCpu);
                    writer.WriteNumber("fiveMinuteCpu", value.FiveMinuteCpu);
                    writer.WriteNumber("totalMemory", value.TotalMemory);
                    writer.WriteNumber("freeMemory", value.FreeMemory);
                }

                return true;
            }

            case CounterRecordFormat.OpenFlowPort:
            {
                writer.WriteString("name", "openFlowPort");
                if (record.TryRead<OpenFlowPort>(out var value, out error))
                {
                    writer.WriteNumber("datapathId", value.DatapathId);
                    writer.WriteNumber("portNumber", value.PortNumber);
                }

                return true;
            }

            case CounterRecordFormat.HostParent:
            {
                writer.WriteString("name", "hostParent");
                if (record.TryRead<HostParent>(out var value, out error))
                {
                    writer.WriteNumber("containerType", value.ContainerType);
                    writer.WriteNumber("containerIndex", value.ContainerIndex);
                }

                return true;
            }

            case CounterRecordFormat.HostCpu:
            {
                writer.WriteString("name", "hostCpu");
                if (record.TryRead<HostCpu>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.HostMemory:
            {
                writer.WriteString("name", "hostMemory");
                if (record.TryRead<HostMemory>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.HostDiskIo:
            {
                writer.WriteString("name", "hostDiskIo");
                if (record.TryRead<HostDiskIo>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.HostNetIo:
            {
                writer.WriteString("name", "hostNetIo");
                if (record.TryRead<HostNetIo>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Mib2Ip:
            {
                writer.WriteString("name", "mib2Ip");
                if (record.TryRead<Mib2IpGroup>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Mib2Icmp:
            {
                writer.WriteString("name", "mib2Icmp");
                if (record.TryRead<Mib2IcmpGroup>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Mib2Tcp:
            {
                writer.WriteString("name", "mib2Tcp");
                if (record.TryRead<Mib2TcpGroup>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.Mib2Udp:
            {
                writer.WriteString("name", "mib2Udp");
                if (record.TryRead<Mib2UdpGroup>(out var value, out error))
                {
                    writer.WriteNumber("udpInDatagrams", value.UdpInDatagrams);
                    writer.WriteNumber("udpNoPorts", value.UdpNoPorts);
                    writer.WriteNumber("udpInErrors", value.UdpInErrors);
                    writer.WriteNumber("udpOutDatagrams", value.UdpOutDatagrams);
                    writer.WriteNumber("udpRcvbufErrors", value.UdpRcvbufErrors);
                    writer.WriteNumber("udpSndbufErrors", value.UdpSndbufErrors);
                    writer.WriteNumber("udpInCsumErrors", value.UdpInCsumErrors);
                }

                return true;
            }

            case CounterRecordFormat.AppResources:
            {
                writer.WriteString("name", "appResources");
                if (record.TryRead<AppResources>(out var value, out error))
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

                return true;
            }

            case CounterRecordFormat.OvsDatapath:
            {
                writer.WriteString("name", "ovsDatapath");
                if (record.TryRead<OvsDatapath>(out var value, out error))
                {
                    writer.WriteNumber("hit", value.Hit);
                    writer.WriteNumber("missed", value.Missed);
                    writer.WriteNumber("lost", value.Lost);
                    writer.WriteNumber("maskHit", value.MaskHit);
                    writer.WriteNumber("flows", value.Flows);
                    writer.WriteNumber("masks", value.Masks);
                }

                return true;
            }
            case CounterRecordFormat.PortName:
            {
                writer.WriteString("name", "portName");
                if (record.TryRead<PortName>(out var value, out error))
                {
                    writer.WriteText("portName", value.Name);
                }

                return true;
            }

            case CounterRecordFormat.HostDescription:
            {
                writer.WriteString("name", "hostDescription");
                if (record.TryRead<HostDescription>(out var value, out error))
                {
                    writer.WriteText("hostname", value.Hostname);
                    writer.WriteString("uuid", value.UuidValue);
                    writer.WriteNumber("machineType", value.MachineType);
                    writer.WriteNumber("osName", value.OsName);
                    writer.WriteText("osRelease", value.OsRelease);
                }

                return true;
            }

            case CounterRecordFormat.HostAdapters:
            {
                writer.WriteString("name", "hostAdapters");
                if (record.TryRead<HostAdapters>(out var value, out error))
                {
                    WriteAdapters(writer, value);
                }

                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>The JSON <c>name</c> of a counter record format.</summary>
    public static string CounterRecordName(CounterRecordFormat format) => format switch
    {
        CounterRecordFormat.GenericInterface => "genericInterface",
        CounterRecordFormat.Ethernet => "ethernet",
        CounterRecordFormat.Vlan => "vlan",
        CounterRecordFormat.Lacp => "lacp",
        CounterRecordFormat.Processor => "processor",
        CounterRecordFormat.OpenFlowPort => "openFlowPort",
        CounterRecordFormat.HostParent => "hostParent",
        CounterRecordFormat.HostCpu => "hostCpu",
        CounterRecordFormat.HostMemory => "hostMemory",
        CounterRecordFormat.HostDiskIo => "hostDiskIo",
        CounterRecordFormat.HostNetIo => "hostNetIo",
        CounterRecordFormat.Mib2Ip => "mib2Ip",
        CounterRecordFormat.Mib2Icmp => "mib2Icmp",
        CounterRecordFormat.Mib2Tcp => "mib2Tcp",
        CounterRecordFormat.Mib2Udp => "mib2Udp",
        CounterRecordFormat.AppResources => "appResources",
        CounterRecordFormat.OvsDatapath => "ovsDatapath",
        CounterRecordFormat.PortName => "portName",
        CounterRecordFormat.HostDescription => "hostDescription",
        CounterRecordFormat.HostAdapters => "hostAdapters",
        _ => "unknown",
    };

    private static void WriteAdapters(Utf8JsonWriter writer, HostAdapters adapters)
    {
        Span<byte> text = stackalloc byte[MacAddress.TextLength];
        writer.WriteStartArray("adapters");
        foreach (var adapter in adapters)
        {
            writer.WriteStartObject();
            writer.WriteNumber("ifIndex", adapter.IfIndex);
            writer.WriteStartArray("macs");
            for (var i = 0; i < adapter.MacCount; i++)
            {
                adapter.GetMac(i).TryFormat(text, out _);
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
