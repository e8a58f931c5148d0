using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <content>The host structures, records 2000-2010 (sflow_host.txt).</content>
public static partial class CounterRecordEncoder
{
    /// <summary>Record 2000, <c>host_descr</c>. The UUID is 16 fixed bytes, as agents send it (the specification's erratum).</summary>
    public static SFlowStructure HostDescription(ReadOnlySpan<byte> hostname, Guid uuid, uint machineType, uint osName, ReadOnlySpan<byte> osRelease)
    {
        Span<byte> uuidBytes = stackalloc byte[16];
        uuid.TryWriteBytes(uuidBytes, bigEndian: true, out _);
        var writer = new XdrWriter().WriteVariableOpaque(hostname).WriteFixedOpaque(uuidBytes)
            .WriteUInt32(machineType).WriteUInt32(osName).WriteVariableOpaque(osRelease);
        return new SFlowStructure((uint)CounterRecordFormat.HostDescription, writer.ToArray());
    }

    /// <summary>Record 2001, <c>host_adapters</c>.</summary>
    public static SFlowStructure HostAdapters(IReadOnlyList<HostAdapterValue> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        var writer = new XdrWriter().WriteUInt32((uint)adapters.Count);
        foreach (var adapter in adapters)
        {
            writer.WriteUInt32(adapter.IfIndex).WriteUInt32((uint)adapter.Macs.Count);
            foreach (var mac in adapter.Macs)
            {
                writer.WriteMac(mac);
            }
        }

        return new SFlowStructure((uint)CounterRecordFormat.HostAdapters, writer.ToArray());
    }

    /// <summary>Record 2002, <c>host_parent</c>.</summary>
    public static SFlowStructure HostParent(HostParent value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.HostParent, w => w
            .WriteUInt32(value.ContainerType)
            .WriteUInt32(value.ContainerIndex));

    /// <summary>Record 2003, <c>host_cpu</c>: the revised 80-byte layout, or the original 68 bytes without steal and guest times.</summary>
    public static SFlowStructure HostCpu(HostCpu value, bool originalLayout = false) =>
        SFlowStructure.Create((uint)CounterRecordFormat.HostCpu, w =>
        {
            w.WriteSingle(value.LoadOne)
                .WriteSingle(value.LoadFive)
                .WriteSingle(value.LoadFifteen)
                .WriteUInt32(value.ProcessesRunning)
                .WriteUInt32(value.ProcessesTotal)
                .WriteUInt32(value.CpuCount)
                .WriteUInt32(value.CpuSpeedMhz)
                .WriteUInt32(value.UptimeSeconds)
                .WriteUInt32(value.CpuUser)
                .WriteUInt32(value.CpuNice)
                .WriteUInt32(value.CpuSystem)
                .WriteUInt32(value.CpuIdle)
                .WriteUInt32(value.CpuWaitIo)
                .WriteUInt32(value.CpuInterrupt)
                .WriteUInt32(value.CpuSoftInterrupt)
                .WriteUInt32(value.Interrupts)
                .WriteUInt32(value.ContextSwitches);
            if (!originalLayout)
            {
                w.WriteUInt32(value.CpuSteal).WriteUInt32(value.CpuGuest).WriteUInt32(value.CpuGuestNice);
            }
        });

    /// <summary>Record 2004, <c>host_memory</c>.</summary>
    public static SFlowStructure HostMemory(HostMemory value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.HostMemory, w => w
            .WriteUInt64(value.Total)
            .WriteUInt64(value.Free)
            .WriteUInt64(value.Shared)
            .WriteUInt64(value.Buffers)
            .WriteUInt64(value.Cached)
            .WriteUInt64(value.SwapTotal)
            .WriteUInt64(value.SwapFree)
            .WriteUInt32(value.PageIn)
            .WriteUInt32(value.PageOut)
            .WriteUInt32(value.SwapIn)
            .WriteUInt32(value.SwapOut));

    /// <summary>Record 2005, <c>host_disk_io</c>.</summary>
    public static SFlowStructure HostDiskIo(HostDiskIo value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.HostDiskIo, w => w
            .WriteUInt64(value.DiskTotal)
            .WriteUInt64(value.DiskFree)
            .WriteUInt32(value.PartitionMaxUsed)
            .WriteUInt32(value.Reads)
            .WriteUInt64(value.BytesRead)
            .WriteUInt32(value.ReadTimeMs)
            .WriteUInt32(value.Writes)
            .WriteUInt64(value.BytesWritten)
            .WriteUInt32(value.WriteTimeMs));

    /// <summary>Record 2006, <c>host_net_io</c>.</summary>
    public static SFlowStructure HostNetIo(HostNetIo value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.HostNetIo, w => w
            .WriteUInt64(value.BytesIn)
            .WriteUInt32(value.PacketsIn)
            .WriteUInt32(value.ErrorsIn)
            .WriteUInt32(value.DropsIn)
            .WriteUInt64(value.BytesOut)
            .WriteUInt32(value.PacketsOut)
            .WriteUInt32(value.ErrorsOut)
            .WriteUInt32(value.DropsOut));

    /// <summary>Record 2007, <c>mib2_ip_group</c>.</summary>
    public static SFlowStructure Mib2Ip(Mib2IpGroup value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Mib2Ip, w => w.WriteUInt32s(
            value.IpForwarding,
            value.IpDefaultTTL,
            value.IpInReceives,
            value.IpInHdrErrors,
            value.IpInAddrErrors,
            value.IpForwDatagrams,
            value.IpInUnknownProtos,
            value.IpInDiscards,
            value.IpInDelivers,
            value.IpOutRequests,
            value.IpOutDiscards,
            value.IpOutNoRoutes,
            value.IpReasmTimeout,
            value.IpReasmReqds,
            value.IpReasmOKs,
            value.IpReasmFails,
            value.IpFragOKs,
            value.IpFragFails,
            value.IpFragCreates));

    /// <summary>Record 2008, <c>mib2_icmp_group</c> (which, as the specification has it, lacks icmpInTimestampReps).</summary>
    public static SFlowStructure Mib2Icmp(Mib2IcmpGroup value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Mib2Icmp, w => w.WriteUInt32s(
            value.IcmpInMsgs,
            value.IcmpInErrors,
            value.IcmpInDestUnreachs,
            value.IcmpInTimeExcds,
            value.IcmpInParamProbs,
            value.IcmpInSrcQuenchs,
            value.IcmpInRedirects,
            value.IcmpInEchos,
            value.IcmpInEchoReps,
            value.IcmpInTimestamps,
            value.IcmpInAddrMasks,
            value.IcmpInAddrMaskReps,
            value.IcmpOutMsgs,
            value.IcmpOutErrors,
            value.IcmpOutDestUnreachs,
            value.IcmpOutTimeExcds,
            value.IcmpOutParamProbs,
            value.IcmpOutSrcQuenchs,
            value.IcmpOutRedirects,
            value.IcmpOutEchos,
            value.IcmpOutEchoReps,
            value.IcmpOutTimestamps,
            value.IcmpOutTimestampReps,
            value.IcmpOutAddrMasks,
            value.IcmpOutAddrMaskReps));

    /// <summary>Record 2009, <c>mib2_tcp_group</c>.</summary>
    public static SFlowStructure Mib2Tcp(Mib2TcpGroup value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Mib2Tcp, w => w.WriteUInt32s(
            value.TcpRtoAlgorithm,
            value.TcpRtoMin,
            value.TcpRtoMax,
            value.TcpMaxConn,
            value.TcpActiveOpens,
            value.TcpPassiveOpens,
            value.TcpAttemptFails,
            value.TcpEstabResets,
            value.TcpCurrEstab,
            value.TcpInSegs,
            value.TcpOutSegs,
            value.TcpRetransSegs,
            value.TcpInErrs,
            value.TcpOutRsts,
            value.TcpInCsumErrors));

    /// <summary>Record 2010, <c>mib2_udp_group</c>.</summary>
    public static SFlowStructure Mib2Udp(Mib2UdpGroup value) =>
        SFlowStructure.Create((uint)CounterRecordFormat.Mib2Udp, w => w.WriteUInt32s(
            value.UdpInDatagrams,
            value.UdpNoPorts,
            value.UdpInErrors,
            value.UdpOutDatagrams,
            value.UdpRcvbufErrors,
            value.UdpSndbufErrors,
            value.UdpInCsumErrors));
}
