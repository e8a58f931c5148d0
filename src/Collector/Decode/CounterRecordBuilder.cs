using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Decode;

/// <summary>Gathers a counter sample's records into a <see cref="CounterRecord"/>.</summary>
internal static class CounterRecordBuilder
{
    /// <summary>Fills <paramref name="counters"/> (already cleared, datagram fields set) from the sample; false with an error for a malformed record.</summary>
    public static bool TryBuild(ref CounterRecord counters, SFlowSample sample, TextCache text, DecodeStatistics statistics, out SFlowError error)
    {
        var header = sample.Header;
        counters.SampleSequence = header.SequenceNumber;
        counters.SourceIdType = header.Source.Type;
        counters.SourceIdIndex = header.Source.Index;
        error = default;
        var records = sample.Records;
        while (records.TryReadRecord(out var record))
        {
            statistics.CounterRecords[RecordFormatIndex.Counter(record.DataFormat)]++;
            if (!TryApply(ref counters, record, text, out error))
            {
                return false;
            }
        }

        error = records.Error;
        return !error.IsError;
    }

    private static bool TryApply(ref CounterRecord counters, SFlowRecord record, TextCache text, out SFlowError error)
    {
        error = default;
        switch (record.CounterFormat)
        {
            case CounterRecordFormat.GenericInterface:
                return TryRead(record, ref counters.Interface, out error);
            case CounterRecordFormat.Ethernet:
                return TryRead(record, ref counters.Ethernet, out error);
            case CounterRecordFormat.Vlan:
                return TryRead(record, ref counters.Vlan, out error);
            case CounterRecordFormat.Lacp:
                return TryRead(record, ref counters.Lacp, out error);
            case CounterRecordFormat.Processor:
                return TryRead(record, ref counters.Processor, out error);
            case CounterRecordFormat.OpenFlowPort:
                return TryRead(record, ref counters.OpenFlowPort, out error);
            case CounterRecordFormat.HostCpu:
                return TryRead(record, ref counters.HostCpu, out error);
            case CounterRecordFormat.HostMemory:
                return TryRead(record, ref counters.HostMemory, out error);
            case CounterRecordFormat.HostDiskIo:
                return TryRead(record, ref counters.HostDiskIo, out error);
            case CounterRecordFormat.HostNetIo:
                return TryRead(record, ref counters.HostNetIo, out error);
            case CounterRecordFormat.AppResources:
                return TryRead(record, ref counters.AppResources, out error);
            case CounterRecordFormat.OvsDatapath:
                return TryRead(record, ref counters.OvsDatapath, out error);
            case CounterRecordFormat.PortName:
                if (!record.TryRead<PortName>(out var portName, out error))
                {
                    return false;
                }

                counters.PortName = text.Get(portName.Name);
                return true;
            case CounterRecordFormat.HostDescription:
                if (!record.TryRead<HostDescription>(out var host, out error))
                {
                    return false;
                }

                counters.Hostname = text.Get(host.Hostname);
                return true;
            case CounterRecordFormat.HostAdapters:
                return record.TryRead<HostAdapters>(out _, out error);
            case CounterRecordFormat.HostParent:
                return record.TryRead<HostParent>(out _, out error);
            case CounterRecordFormat.Mib2Ip:
                return record.TryRead<Mib2IpGroup>(out _, out error);
            case CounterRecordFormat.Mib2Icmp:
                return record.TryRead<Mib2IcmpGroup>(out _, out error);
            case CounterRecordFormat.Mib2Tcp:
                return record.TryRead<Mib2TcpGroup>(out _, out error);
            case CounterRecordFormat.Mib2Udp:
                return record.TryRead<Mib2UdpGroup>(out _, out error);
            default:
                return true;
        }
    }

    private static bool TryRead<T>(SFlowRecord record, ref T? field, out SFlowError error)
        where T : struct, ISFlowRecord<T>
    {
        if (!record.TryRead<T>(out var value, out error))
        {
            return false;
        }

        field = value;
        return true;
    }
}
