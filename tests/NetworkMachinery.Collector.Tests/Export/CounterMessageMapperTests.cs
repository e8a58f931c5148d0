using System.Net;
using Google.Protobuf;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.Contracts;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Collector.Tests.Export;

/// <summary>
/// Counter records, decoded from a real Open vSwitch capture and from built datagrams that between them carry every
/// counter structure, become <see cref="CounterMessage"/>s that hold every field of the record, and survive the wire.
/// </summary>
public class CounterMessageMapperTests
{
    // The built datagrams with counter samples: between them, every structure a CounterRecord holds.
    private static readonly string[] CounterDatagramNames = ["ovs-counters", "ipv6-agent-expanded", "host-counters", "discard-and-unknown"];

    public static TheoryData<string> CounterDatagrams => new(CounterDatagramNames);

    [Fact]
    public void Fill_CapturedOvsCounters_EveryFieldEqualsTheRecords()
    {
        var counters = DecodedRecords.FromCapture.Counters;

        Assert.NotEmpty(counters);
        Assert.Contains(counters, counter => counter.Interface is not null && counter.PortName is not null);
        Assert.Contains(counters, counter => counter.OvsDatapath is not null && counter.AppResources is not null);
        AssertEveryFieldMapped(counters);
    }

    [Theory]
    [MemberData(nameof(CounterDatagrams))]
    public void Fill_BuiltCounterSamples_EveryFieldEqualsTheRecords(string datagram)
    {
        var counters = DecodedRecords.FromCorpus(datagram).Counters;

        Assert.NotEmpty(counters);
        AssertEveryFieldMapped(counters);
    }

    [Fact]
    public void Fill_BuiltDatagrams_TogetherSetEveryStructureOfTheMessage()
    {
        var present = new HashSet<string>();
        foreach (var datagram in CounterDatagramNames)
        {
            foreach (var record in DecodedRecords.FromCorpus(datagram).Counters)
            {
                var message = new CounterMessage();
                CounterMessageMapper.Fill(message, record);
                present.UnionWith(CounterMessage.Descriptor.Fields.InDeclarationOrder()
                    .Where(field => field.HasPresence && field.Accessor.HasValue(message))
                    .Select(field => field.Name));
            }
        }

        var structures = CounterMessage.Descriptor.Fields.InDeclarationOrder().Where(field => field.HasPresence).Select(field => field.Name);
        Assert.Equal(14, structures.Count());
        Assert.Equal(structures.Order(), present.Order());
    }

    [Fact]
    public void Fill_OvsCounters_HoldsTheValuesTheAgentSent()
    {
        // The values SFlowDatagramCorpus.OvsCounters puts in its first sample.
        var record = DecodedRecords.FromCorpus("ovs-counters").Counters[0];
        var message = new CounterMessage();

        CounterMessageMapper.Fill(message, record);

        Assert.Equal([10, 0, 0, 1], message.SamplerAddress.ToByteArray());
        Assert.Equal((1u, 4243u, 124_000u), (message.SubAgentId, message.SequenceNum, message.AgentUptimeMs));
        Assert.Equal((12u, 0u, 3u), (message.SampleSequence, message.SourceIdType, message.SourceIdIndex));
        Assert.Equal(10_000_000_000ul, message.GenericInterface.IfSpeed);
        Assert.Equal(123_456_789_012ul, message.GenericInterface.InOctets);
        Assert.Equal(987_654_321ul, message.GenericInterface.OutOctets);
        Assert.Equal(13u, message.Ethernet.SymbolErrors);
        Assert.Equal("veth-a1", message.PortName);
        Assert.Equal(0x0000_AABB_CCDD_EEFFul, message.OpenflowPort.DatapathId);
        Assert.Equal(7u, message.OpenflowPort.PortNumber);
        Assert.Null(message.OvsDatapath);
        Assert.False(message.HasHostname);
    }

    [Fact]
    public void Fill_IPv6AgentAndHostCounters_HoldTheValuesTheAgentSent()
    {
        var expanded = DecodedRecords.FromCorpus("ipv6-agent-expanded").Counters.Single();
        var host = DecodedRecords.FromCorpus("host-counters").Counters.Single();
        var message = new CounterMessage();

        CounterMessageMapper.Fill(message, expanded);

        Assert.Equal(IPAddress.Parse("2001:db8::1").GetAddressBytes(), message.SamplerAddress.ToByteArray());
        Assert.Equal((1u, 0x0200_0000u), (message.SourceIdType, message.SourceIdIndex));
        Assert.Equal(0x0011_2233_4455ul, message.Lacp.ActorSystemId);
        Assert.Equal(0x6677_8899_AABBul, message.Lacp.PartnerSystemId);
        Assert.Equal(-1, message.Processor.FiveMinuteCpu);
        Assert.Equal(1_000_000ul, message.Vlan.Octets);

        CounterMessageMapper.Fill(message, host);

        Assert.Equal("node-1", message.Hostname);
        Assert.Equal(0.5f, message.HostCpu.LoadOne);
        Assert.Equal(12u, message.HostCpu.CpuGuestNice);
        Assert.Equal(16_000_000_000ul, message.HostMemory.Total);
        Assert.Equal(4500u, message.HostDiskIo.PartitionMaxUsed);
        Assert.Equal(2_000_000ul, message.HostNetIo.BytesOut);
        Assert.Null(message.Lacp);
        Assert.Null(message.Processor);
        Assert.Null(message.Vlan);
    }

    [Fact]
    public void Fill_ReusedMessage_KeepsNothingOfThePreviousRecord()
    {
        var host = DecodedRecords.FromCorpus("host-counters").Counters.Single();
        var ovs = DecodedRecords.FromCorpus("ovs-counters").Counters;
        var reused = new CounterMessage();

        foreach (var record in new[] { host, ovs[0], host, ovs[1] })
        {
            CounterMessageMapper.Fill(reused, record);
            var fresh = new CounterMessage();
            CounterMessageMapper.Fill(fresh, record);
            Assert.Equal(fresh, reused);
        }

        Assert.Null(reused.HostCpu);
        Assert.False(reused.HasHostname);
        Assert.False(reused.HasPortName);
        Assert.NotNull(reused.OvsDatapath);
    }

    [Fact]
    public void Fill_StructuresOfZerosAndAnEmptyName_ArePresentOnTheWire()
    {
        var datagram = new SFlowDatagramBuilder()
            .Agent(Ip("10.0.0.9")).SequenceNumber(1).UptimeMs(1)
            .CounterSample(s => s.SequenceNumber(1).Source(0, 1)
                .Record(CounterRecordEncoder.Ethernet(default))
                .Record(CounterRecordEncoder.OvsDatapath(default))
                .Record(CounterRecordEncoder.PortName(""u8)))
            .Build();
        var record = DecodedRecords.Decode([datagram]).Counters.Single();
        var message = new CounterMessage();

        CounterMessageMapper.Fill(message, record);
        var parsed = CounterMessage.Parser.ParseFrom(message.ToByteArray());

        Assert.NotNull(parsed.Ethernet);
        Assert.NotNull(parsed.OvsDatapath);
        Assert.True(parsed.HasPortName);
        Assert.Equal("", parsed.PortName);
        Assert.Null(parsed.GenericInterface);
        Assert.False(parsed.HasHostname);
        MessageFields.AssertEqual(parsed, Expected(record));
    }

    [Fact]
    public void Fill_OneMessagePerDatagram_RoundTripsLengthDelimited()
    {
        // As on the counters topic: one reused message, each record written length-delimited after the previous one.
        var records = CounterDatagramNames.SelectMany(datagram => DecodedRecords.FromCorpus(datagram).Counters)
            .Concat(DecodedRecords.FromCapture.Counters)
            .ToArray();
        var message = new CounterMessage();
        using var stream = new MemoryStream();
        foreach (var record in records)
        {
            CounterMessageMapper.Fill(message, record);
            message.WriteDelimitedTo(stream);
        }

        stream.Position = 0;
        var parsed = new List<CounterMessage>();
        while (stream.Position < stream.Length)
        {
            parsed.Add(CounterMessage.Parser.ParseDelimitedFrom(stream));
        }

        Assert.Equal(records.Length, parsed.Count);
        for (var i = 0; i < records.Length; i++)
        {
            MessageFields.AssertEqual(parsed[i], Expected(records[i]));
        }
    }

    /// <summary>Fills one reused message from each record in turn, as the exporter does, and compares every field.</summary>
    private static void AssertEveryFieldMapped(CounterRecord[] records)
    {
        var message = new CounterMessage();
        foreach (var record in records)
        {
            CounterMessageMapper.Fill(message, record);
            MessageFields.AssertEqual(message, Expected(record));
        }
    }

    /// <summary>What each field of the message should hold for <paramref name="record"/>; null: absent.</summary>
    private static Dictionary<string, object?> Expected(in CounterRecord record) => new()
    {
        ["time_received_ns"] = record.TimeReceivedNs,
        ["sampler_address"] = MessageFields.AddressBytes(record.AgentAddress),
        ["sub_agent_id"] = record.SubAgentId,
        ["sequence_num"] = record.DatagramSequence,
        ["agent_uptime_ms"] = record.AgentUptimeMs,
        ["sample_sequence"] = record.SampleSequence,
        ["source_id_type"] = record.SourceIdType,
        ["source_id_index"] = record.SourceIdIndex,
        ["generic_interface"] = record.Interface,
        ["ethernet"] = record.Ethernet,
        ["vlan"] = record.Vlan,
        ["lacp"] = record.Lacp,
        ["processor"] = record.Processor,
        ["openflow_port"] = record.OpenFlowPort,
        ["port_name"] = record.PortName,
        ["hostname"] = record.Hostname,
        ["host_cpu"] = record.HostCpu,
        ["host_memory"] = record.HostMemory,
        ["host_disk_io"] = record.HostDiskIo,
        ["host_net_io"] = record.HostNetIo,
        ["app_resources"] = record.AppResources,
        ["ovs_datapath"] = record.OvsDatapath,
    };
}
