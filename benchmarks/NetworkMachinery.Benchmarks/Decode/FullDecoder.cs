using NetworkMachinery.SFlow;

namespace NetworkMachinery.Benchmarks.Decode;

/// <summary>
/// Decodes everything in a datagram the way a collector must: header, every sample, every known record into its
/// type, and every sampled packet header parsed. Returns a checksum of the decoded values so nothing is optimised away.
/// </summary>
public static class FullDecoder
{
    public static ulong Decode(ReadOnlySpan<byte> datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        if (!reader.TryReadHeader(out var header))
        {
            return 0;
        }

        ulong sum = header.SequenceNumber;
        while (reader.TryReadSample(out var sample))
        {
            sum += sample.Header.SequenceNumber + sample.Header.SamplingRate;
            var records = sample.Records;
            while (records.TryReadRecord(out var record))
            {
                sum += record.Kind == SFlowRecordKind.Flow ? Flow(record) : Counter(record);
            }
        }

        return sum;
    }

    private static ulong Flow(SFlowRecord record)
    {
        switch (record.FlowFormat)
        {
            case FlowRecordFormat.RawPacketHeader:
                if (record.TryRead<RawPacketHeader>(out var raw, out _))
                {
                    var packet = raw.Parse();
                    return raw.FrameLength + packet.SourcePort + packet.DestinationPort + packet.IpProtocol + (ulong)packet.SourceAddress.GetHashCode();
                }

                return 0;
            case FlowRecordFormat.ExtendedSwitch:
                return record.TryRead<ExtendedSwitch>(out var sw, out _) ? sw.SourceVlan + sw.DestinationVlan : 0;
            case FlowRecordFormat.IPv4:
                return record.TryRead<SampledIPv4>(out var ipv4, out _) ? ipv4.Length : 0;
            case FlowRecordFormat.IPv6:
                return record.TryRead<SampledIPv6>(out var ipv6, out _) ? ipv6.Length : 0;
            case FlowRecordFormat.ExtendedIPv4TunnelEgress or FlowRecordFormat.ExtendedIPv4TunnelIngress:
                return record.TryRead<SampledIPv4>(out var tunnel, out _) ? tunnel.Length : 0;
            case FlowRecordFormat.ExtendedVniEgress or FlowRecordFormat.ExtendedVniIngress:
                return record.TryRead<ExtendedVni>(out var vni, out _) ? vni.Vni : 0;
            default:
                return 0;
        }
    }

    private static ulong Counter(SFlowRecord record)
    {
        switch (record.CounterFormat)
        {
            case CounterRecordFormat.GenericInterface:
                return record.TryRead<GenericInterfaceCounters>(out var generic, out _) ? generic.InOctets + generic.OutOctets : 0;
            case CounterRecordFormat.Ethernet:
                return record.TryRead<EthernetCounters>(out var ethernet, out _) ? ethernet.FcsErrors : 0;
            case CounterRecordFormat.OpenFlowPort:
                return record.TryRead<OpenFlowPort>(out var port, out _) ? port.PortNumber : 0;
            case CounterRecordFormat.PortName:
                return record.TryRead<PortName>(out var name, out _) ? (ulong)name.Name.Length : 0;
            case CounterRecordFormat.AppResources:
                return record.TryRead<AppResources>(out var app, out _) ? app.MemoryUsed : 0;
            case CounterRecordFormat.OvsDatapath:
                return record.TryRead<OvsDatapath>(out var datapath, out _) ? datapath.Hit : 0;
            default:
                return 0;
        }
    }
}
