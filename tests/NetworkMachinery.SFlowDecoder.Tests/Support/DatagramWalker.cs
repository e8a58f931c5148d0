namespace NetworkMachinery.SFlow.Tests.Support;

/// <summary>
/// Decodes everything in a datagram, the way a consumer that reads every field would: every sample, every record,
/// every known record decoded into its type, its lists enumerated and its packet header parsed. It counts its steps
/// so tests can check that the work stays bounded by the datagram's size.
/// </summary>
internal static class DatagramWalker
{
    public static WalkResult Walk(ReadOnlySpan<byte> datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        if (!reader.TryReadHeader(out var header))
        {
            return new WalkResult(reader.Error, 0, 0, 0, 0);
        }

        _ = header.AgentAddress.ToString();
        int samples = 0, records = 0, unknown = 0;
        long steps = 0;
        while (reader.TryReadSample(out var sample))
        {
            samples++;
            steps++;
            var recordReader = sample.Records;
            while (recordReader.TryReadRecord(out var record))
            {
                records++;
                steps++;
                if (!record.IsKnown)
                {
                    unknown++;
                    continue;
                }

                var error = record.Kind == SFlowRecordKind.Flow ? ReadFlow(record, ref steps) : ReadCounter(record, ref steps);
                if (error.IsError)
                {
                    return new WalkResult(error, samples, records, unknown, steps);
                }
            }

            if (recordReader.Error.IsError)
            {
                return new WalkResult(recordReader.Error, samples, records, unknown, steps);
            }
        }

        return new WalkResult(reader.Error, samples, records, unknown, steps);
    }

    private static SFlowError ReadFlow(SFlowRecord record, ref long steps)
    {
        SFlowError error;
        switch (record.FlowFormat)
        {
            case FlowRecordFormat.RawPacketHeader:
                if (record.TryRead<RawPacketHeader>(out var raw, out error))
                {
                    var packet = raw.Parse();
                    _ = packet.SourceAddress.ToString() + packet.DestinationAddress + packet.SourceMac;
                }

                return error;
            case FlowRecordFormat.Ethernet or FlowRecordFormat.ExtendedL2TunnelEgress or FlowRecordFormat.ExtendedL2TunnelIngress:
                record.TryRead<SampledEthernet>(out _, out error);
                return error;
            case FlowRecordFormat.IPv4 or FlowRecordFormat.ExtendedIPv4TunnelEgress or FlowRecordFormat.ExtendedIPv4TunnelIngress:
                record.TryRead<SampledIPv4>(out _, out error);
                return error;
            case FlowRecordFormat.IPv6 or FlowRecordFormat.ExtendedIPv6TunnelEgress or FlowRecordFormat.ExtendedIPv6TunnelIngress:
                record.TryRead<SampledIPv6>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedSwitch:
                record.TryRead<ExtendedSwitch>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedRouter:
                record.TryRead<ExtendedRouter>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedGateway:
                if (record.TryRead<ExtendedGateway>(out var gateway, out error))
                {
                    foreach (var segment in gateway.DestinationAsPath)
                    {
                        steps++;
                        steps += Count(segment.Numbers);
                    }

                    steps += Count(gateway.Communities);
                }

                return error;
            case FlowRecordFormat.ExtendedUser:
                record.TryRead<ExtendedUser>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedUrl:
                record.TryRead<ExtendedUrl>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedMpls:
                if (record.TryRead<ExtendedMpls>(out var mpls, out error))
                {
                    steps += Count(mpls.InLabels) + Count(mpls.OutLabels);
                }

                return error;
            case FlowRecordFormat.ExtendedNat:
                record.TryRead<ExtendedNat>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedDecapsulateEgress or FlowRecordFormat.ExtendedDecapsulateIngress:
                record.TryRead<ExtendedDecapsulation>(out _, out error);
                return error;
            case FlowRecordFormat.ExtendedVniEgress or FlowRecordFormat.ExtendedVniIngress:
                record.TryRead<ExtendedVni>(out _, out error);
                return error;
            default:
                throw new InvalidOperationException($"Known flow format {record.FlowFormat} is not walked.");
        }
    }

    private static SFlowError ReadCounter(SFlowRecord record, ref long steps)
    {
        SFlowError error;
        switch (record.CounterFormat)
        {
            case CounterRecordFormat.GenericInterface:
                record.TryRead<GenericInterfaceCounters>(out _, out error);
                return error;
            case CounterRecordFormat.Ethernet:
                record.TryRead<EthernetCounters>(out _, out error);
                return error;
            case CounterRecordFormat.Vlan:
                record.TryRead<VlanCounters>(out _, out error);
                return error;
            case CounterRecordFormat.Lacp:
                record.TryRead<LacpCounters>(out _, out error);
                return error;
            case CounterRecordFormat.Processor:
                record.TryRead<ProcessorCounters>(out _, out error);
                return error;
            case CounterRecordFormat.OpenFlowPort:
                record.TryRead<OpenFlowPort>(out _, out error);
                return error;
            case CounterRecordFormat.PortName:
                record.TryRead<PortName>(out _, out error);
                return error;
            case CounterRecordFormat.HostDescription:
                if (record.TryRead<HostDescription>(out var description, out error))
                {
                    _ = description.UuidValue;
                }

                return error;
            case CounterRecordFormat.HostAdapters:
                if (record.TryRead<HostAdapters>(out var adapters, out error))
                {
                    foreach (var adapter in adapters)
                    {
                        steps++;
                        for (var i = 0; i < adapter.MacCount; i++)
                        {
                            steps++;
                            _ = adapter.GetMac(i);
                        }
                    }
                }

                return error;
            case CounterRecordFormat.HostParent:
                record.TryRead<HostParent>(out _, out error);
                return error;
            case CounterRecordFormat.HostCpu:
                record.TryRead<HostCpu>(out _, out error);
                return error;
            case CounterRecordFormat.HostMemory:
                record.TryRead<HostMemory>(out _, out error);
                return error;
            case CounterRecordFormat.HostDiskIo:
                record.TryRead<HostDiskIo>(out _, out error);
                return error;
            case CounterRecordFormat.HostNetIo:
                record.TryRead<HostNetIo>(out _, out error);
                return error;
            case CounterRecordFormat.Mib2Ip:
                record.TryRead<Mib2IpGroup>(out _, out error);
                return error;
            case CounterRecordFormat.Mib2Icmp:
                record.TryRead<Mib2IcmpGroup>(out _, out error);
                return error;
            case CounterRecordFormat.Mib2Tcp:
                record.TryRead<Mib2TcpGroup>(out _, out error);
                return error;
            case CounterRecordFormat.Mib2Udp:
                record.TryRead<Mib2UdpGroup>(out _, out error);
                return error;
            case CounterRecordFormat.AppResources:
                record.TryRead<AppResources>(out _, out error);
                return error;
            case CounterRecordFormat.OvsDatapath:
                record.TryRead<OvsDatapath>(out _, out error);
                return error;
            default:
                throw new InvalidOperationException($"Known counter format {record.CounterFormat} is not walked.");
        }
    }

    private static long Count(XdrUInt32List list)
    {
        long count = 0;
        foreach (var _ in list)
        {
            count++;
        }

        return count;
    }
}
