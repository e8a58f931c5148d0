using System.Net;
using System.Text;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>One sampled packet, as a flow sample's raw packet header record describes it.</summary>
public sealed record FlowObservation(
    uint SamplingRate,
    uint? InputIfIndex,
    IPAddress? Source,
    IPAddress? Destination,
    byte Protocol,
    ushort SourcePort,
    ushort DestinationPort,
    ushort TcpFlags,
    byte? IcmpType)
{
    public IPEndPoint SourceEndPoint => new(Source!, SourcePort);

    public IPEndPoint DestinationEndPoint => new(Destination!, DestinationPort);
}

/// <summary>One counter sample's interface counters (record 1) and port name (record 1005).</summary>
public sealed record CounterObservation(uint SourceIndex, uint? IfIndex, string? PortName, ulong InOctets, ulong OutOctets);

/// <summary>What a set of sFlow datagrams says, decoded with the project's decoder into plain values a test can compare.</summary>
public sealed class ExportedSamples
{
    public HashSet<string> AgentAddresses { get; } = [];

    public List<FlowObservation> Flows { get; } = [];

    public List<CounterObservation> Counters { get; } = [];

    /// <summary>Anything the decoder rejected; empty for well-formed datagrams.</summary>
    public List<string> Errors { get; } = [];

    public static ExportedSamples Decode(IReadOnlyList<byte[]> datagrams)
    {
        var samples = new ExportedSamples();
        for (var i = 0; i < datagrams.Count; i++)
        {
            samples.DecodeDatagram(i, datagrams[i]);
        }

        return samples;
    }

    private void DecodeDatagram(int index, byte[] datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        if (reader.TryReadHeader(out var header))
        {
            AgentAddresses.Add(header.AgentAddress.ToString());
            while (reader.TryReadSample(out var sample))
            {
                switch (sample.Header.Type)
                {
                    case SFlowSampleType.Flow:
                        DecodeFlow(index, sample);
                        break;
                    case SFlowSampleType.Counters:
                        DecodeCounters(index, sample);
                        break;
                    default:
                        Errors.Add($"datagram {index}: unexpected sample type {sample.Header.Type}");
                        break;
                }
            }
        }

        if (reader.Error.IsError)
        {
            Errors.Add($"datagram {index}: {reader.Error}");
        }
    }

    private void DecodeFlow(int index, SFlowSample sample)
    {
        var records = sample.Records;
        while (records.TryReadRecord(out var record))
        {
            if (record.FlowFormat != FlowRecordFormat.RawPacketHeader)
            {
                continue;
            }

            if (!record.TryRead<RawPacketHeader>(out var raw, out var error))
            {
                Errors.Add($"datagram {index}: raw packet header: {error}");
                continue;
            }

            var packet = raw.Parse();
            Flows.Add(new FlowObservation(
                sample.Header.SamplingRate,
                sample.Header.Input.IfIndex,
                packet.SourceAddress.ToIPAddress(),
                packet.DestinationAddress.ToIPAddress(),
                packet.IpProtocol,
                packet.SourcePort,
                packet.DestinationPort,
                packet.TcpFlags,
                packet.Has(PacketLayers.Icmp) ? packet.IcmpType : null));
        }

        RecordError(index, records.Error);
    }

    private void DecodeCounters(int index, SFlowSample sample)
    {
        uint? ifIndex = null;
        string? name = null;
        ulong inOctets = 0, outOctets = 0;
        var records = sample.Records;
        while (records.TryReadRecord(out var record))
        {
            if (record.CounterFormat == CounterRecordFormat.GenericInterface)
            {
                if (record.TryRead<GenericInterfaceCounters>(out var counters, out var error))
                {
                    (ifIndex, inOctets, outOctets) = (counters.IfIndex, counters.InOctets, counters.OutOctets);
                }

                RecordError(index, error);
            }
            else if (record.CounterFormat == CounterRecordFormat.PortName)
            {
                if (record.TryRead<PortName>(out var portName, out var error))
                {
                    name = Encoding.UTF8.GetString(portName.Name);
                }

                RecordError(index, error);
            }
        }

        RecordError(index, records.Error);
        Counters.Add(new CounterObservation(sample.Header.Source.Index, ifIndex, name, inOctets, outOctets));
    }

    private void RecordError(int index, SFlowError error)
    {
        if (error.IsError)
        {
            Errors.Add($"datagram {index}: {error}");
        }
    }
}
