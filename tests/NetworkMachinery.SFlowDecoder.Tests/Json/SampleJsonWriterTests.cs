using System.Text.Json;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class SampleJsonWriterTests
{
    [Fact]
    public void TryWrite_FlowSample_WritesDatagramSampleInterfaceAndRecordFields()
    {
        var frame = new PacketBuilder()
            .Ethernet(Mac("02:00:00:00:00:aa"), Mac("02:00:00:00:00:bb"))
            .Vlan(77)
            .IPv4(Ip("192.0.2.10"), Ip("198.51.100.20"), ttl: 50, tos: 0x10)
            .Tcp(45_000, 443, TcpControlBits.Syn | TcpControlBits.Ece)
            .Build();
        var datagram = new SFlowDatagramBuilder()
            .Agent(Ip("2001:db8::a")).SubAgentId(3).SequenceNumber(1001).UptimeMs(99_000)
            .FlowSample(s => s.SequenceNumber(17).Source(0, 12).SamplingRate(512).SamplePool(8192).Drops(4)
                .Input(12).Output(new SFlowInterface(InterfaceFormat.Multiple, 0))
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1518, 4, frame))
                .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(77, 2, 88, 3)))
                .Record(SFlowStructure.Create(0, 999, [1, 2, 3, 4, 5, 6]))
                .Record(SFlowStructure.Create(4413, 7, [])))
            .Build();

        var json = JsonSamples.Single(datagram);

        Assert.Equal("2001:db8::a", json.GetProperty("agentAddress").GetString());
        Assert.Equal(3, json.GetProperty("subAgentId").GetInt64());
        Assert.Equal(1001, json.GetProperty("datagramSequence").GetInt64());
        Assert.Equal(99_000, json.GetProperty("uptimeMs").GetInt64());
        Assert.Equal("flow", json.GetProperty("sampleType").GetString());
        Assert.Equal(17, json.GetProperty("sampleSequence").GetInt64());
        Assert.Equal(0, json.GetProperty("sourceIdType").GetInt64());
        Assert.Equal(12, json.GetProperty("sourceIdIndex").GetInt64());
        Assert.Equal(512, json.GetProperty("samplingRate").GetInt64());
        Assert.Equal(8192, json.GetProperty("samplePool").GetInt64());
        Assert.Equal(4, json.GetProperty("drops").GetInt64());
        Assert.Equal(12, json.GetProperty("inputInterface").GetInt64());
        Assert.Equal("ifIndex", json.GetProperty("inputInterfaceFormat").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("outputInterface").ValueKind);
        Assert.Equal("multiple", json.GetProperty("outputInterfaceFormat").GetString());
        Assert.Equal(0, json.GetProperty("outputInterfaceCount").GetInt64());
        Assert.False(json.TryGetProperty("discardReason", out _));

        var records = json.GetProperty("records");
        Assert.Equal(4, records.GetArrayLength());

        var raw = records[0];
        Assert.Equal(1, raw.GetProperty("format").GetInt64());
        Assert.False(raw.TryGetProperty("enterprise", out _));
        Assert.Equal("rawPacketHeader", raw.GetProperty("name").GetString());
        Assert.Equal(1, raw.GetProperty("headerProtocol").GetInt64());
        Assert.Equal(1518, raw.GetProperty("frameLength").GetInt64());
        Assert.Equal(4, raw.GetProperty("stripped").GetInt64());
        Assert.Equal(frame.Length, raw.GetProperty("headerLength").GetInt64());
        Assert.Equal("02:00:00:00:00:aa", raw.GetProperty("srcMac").GetString());
        Assert.Equal("02:00:00:00:00:bb", raw.GetProperty("dstMac").GetString());
        Assert.Equal(0x0800, raw.GetProperty("etherType").GetInt64());
        Assert.Equal(77, raw.GetProperty("vlan").GetInt64());
        Assert.False(raw.TryGetProperty("innerVlan", out _));
        Assert.Equal("192.0.2.10", raw.GetProperty("srcAddress").GetString());
        Assert.Equal("198.51.100.20", raw.GetProperty("dstAddress").GetString());
        Assert.Equal(6, raw.GetProperty("ipProtocol").GetInt64());
        Assert.Equal(0x10, raw.GetProperty("ipTos").GetInt64());
        Assert.Equal(50, raw.GetProperty("ipTtl").GetInt64());
        Assert.Equal(40, raw.GetProperty("ipLength").GetInt64());
        Assert.False(raw.TryGetProperty("ipv6FlowLabel", out _));
        Assert.False(raw.TryGetProperty("fragmentOffset", out _));
        Assert.Equal(45_000, raw.GetProperty("srcPort").GetInt64());
        Assert.Equal(443, raw.GetProperty("dstPort").GetInt64());
        Assert.Equal(0x42, raw.GetProperty("tcpFlags").GetInt64());
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("icmpType").ValueKind);
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("icmpCode").ValueKind);

        var sw = records[1];
        Assert.Equal(1001, sw.GetProperty("format").GetInt64());
        Assert.Equal("extendedSwitch", sw.GetProperty("name").GetString());
        Assert.Equal(77, sw.GetProperty("srcVlan").GetInt64());
        Assert.Equal(2, sw.GetProperty("srcPriority").GetInt64());
        Assert.Equal(88, sw.GetProperty("dstVlan").GetInt64());
        Assert.Equal(3, sw.GetProperty("dstPriority").GetInt64());

        var unknown = records[2];
        Assert.Equal(999, unknown.GetProperty("format").GetInt64());
        Assert.True(unknown.GetProperty("unknown").GetBoolean());
        Assert.Equal(6, unknown.GetProperty("length").GetInt64());
        Assert.False(unknown.TryGetProperty("name", out _));

        var enterprise = records[3];
        Assert.Equal(7, enterprise.GetProperty("format").GetInt64());
        Assert.Equal(4413, enterprise.GetProperty("enterprise").GetInt64());
        Assert.True(enterprise.GetProperty("unknown").GetBoolean());
        Assert.Equal(0, enterprise.GetProperty("length").GetInt64());
    }

    [Fact]
    public void TryWrite_CounterSample_WritesRecordFieldsAndNoFlowFields()
    {
        var datagram = new SFlowDatagramBuilder()
            .Agent(Ip("10.1.2.3")).SubAgentId(5).SequenceNumber(6).UptimeMs(7)
            .ExpandedCounterSample(s => s.SequenceNumber(8).Source(2, 0x0100_0000)
                .Record(CounterRecordEncoder.GenericInterface(new GenericInterfaceCounters(
                    9, 6, 10_000_000_000, 1, 3, 0x0000_0001_0000_0000, 11, 12, 13, 14, 15, 16, 17_000_000_000, 18, 19, 20, 21, 22, 1)))
                .Record(CounterRecordEncoder.Lacp(new LacpCounters(
                    Mac("00:11:22:33:44:55"), Mac("66:77:88:99:aa:bb"), 31, 0x0102_0304, 32, 33, 34, 35, 36, 37, 38, 39)))
                .Record(CounterRecordEncoder.HostCpu(new HostCpu(0.5f, 1.25f, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)))
                .Record(CounterRecordEncoder.HostDescription("host-1"u8, new Guid("00112233-4455-6677-8899-aabbccddeeff"), 3, 2, "6.1"u8))
                .Record(CounterRecordEncoder.HostAdapters([new HostAdapterValue(4, [Mac("02:00:00:00:00:04")])])))
            .Build();

        var json = JsonSamples.Single(datagram);

        Assert.Equal("10.1.2.3", json.GetProperty("agentAddress").GetString());
        Assert.Equal("expandedCounters", json.GetProperty("sampleType").GetString());
        Assert.Equal(8, json.GetProperty("sampleSequence").GetInt64());
        Assert.Equal(2, json.GetProperty("sourceIdType").GetInt64());
        Assert.Equal(0x0100_0000, json.GetProperty("sourceIdIndex").GetInt64());
        Assert.False(json.TryGetProperty("samplingRate", out _));
        Assert.False(json.TryGetProperty("inputInterface", out _));

        var records = json.GetProperty("records");
        var generic = records[0];
        Assert.Equal("genericInterface", generic.GetProperty("name").GetString());
        Assert.Equal(9, generic.GetProperty("ifIndex").GetInt64());
        Assert.Equal(10_000_000_000, generic.GetProperty("ifSpeed").GetInt64());
        Assert.Equal(0x0000_0001_0000_0000, generic.GetProperty("inOctets").GetInt64());
        Assert.Equal(17_000_000_000, generic.GetProperty("outOctets").GetInt64());
        Assert.Equal(22, generic.GetProperty("outErrors").GetInt64());
        Assert.Equal(1, generic.GetProperty("promiscuousMode").GetInt64());

        var lacp = records[1];
        Assert.Equal("lacp", lacp.GetProperty("name").GetString());
        Assert.Equal("00:11:22:33:44:55", lacp.GetProperty("actorSystemId").GetString());
        Assert.Equal("66:77:88:99:aa:bb", lacp.GetProperty("partnerSystemId").GetString());
        Assert.Equal(0x0102_0304, lacp.GetProperty("portState").GetInt64());
        Assert.Equal(39, lacp.GetProperty("markerResponsePdusTx").GetInt64());

        var cpu = records[2];
        Assert.Equal("hostCpu", cpu.GetProperty("name").GetString());
        Assert.Equal(0.5, cpu.GetProperty("loadOne").GetDouble());
        Assert.Equal(1.25, cpu.GetProperty("loadFive").GetDouble());
        Assert.Equal(17, cpu.GetProperty("cpuGuestNice").GetInt64());

        var host = records[3];
        Assert.Equal("hostDescription", host.GetProperty("name").GetString());
        Assert.Equal("host-1", host.GetProperty("hostname").GetString());
        Assert.Equal("00112233-4455-6677-8899-aabbccddeeff", host.GetProperty("uuid").GetString());
        Assert.Equal(3, host.GetProperty("machineType").GetInt64());
        Assert.Equal(2, host.GetProperty("osName").GetInt64());
        Assert.Equal("6.1", host.GetProperty("osRelease").GetString());

        var adapter = Assert.Single(records[4].GetProperty("adapters").EnumerateArray());
        Assert.Equal(4, adapter.GetProperty("ifIndex").GetInt64());
        Assert.Equal("02:00:00:00:00:04", Assert.Single(adapter.GetProperty("macs").EnumerateArray()).GetString());
    }

    [Fact]
    public void TryWrite_DiscardSample_WritesReasonAndNoSamplingFields()
    {
        var datagram = new SFlowDatagramBuilder()
            .DiscardSample(s => s.SequenceNumber(3).Source(0, 4).Drops(5).Input(6).Output(7).Reason(262))
            .Build();

        var json = JsonSamples.Single(datagram);

        Assert.Equal("discard", json.GetProperty("sampleType").GetString());
        Assert.Equal(262, json.GetProperty("discardReason").GetInt64());
        Assert.Equal(5, json.GetProperty("drops").GetInt64());
        Assert.Equal(6, json.GetProperty("inputInterface").GetInt64());
        Assert.Equal(7, json.GetProperty("outputInterface").GetInt64());
        Assert.False(json.TryGetProperty("samplingRate", out _));
        Assert.False(json.TryGetProperty("samplePool", out _));
        Assert.Equal(0, json.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void TryWrite_DiscardedAndReservedInterfaceFormats_WriteNullInterfaceAndTheValueUnderItsOwnName()
    {
        var datagram = new SFlowDatagramBuilder()
            .ExpandedFlowSample(s => s
                .Input(new SFlowInterface(InterfaceFormat.Discarded, 258))
                .Output(new SFlowInterface(InterfaceFormat.Reserved, 9)))
            .Build();

        var json = JsonSamples.Single(datagram);

        Assert.Equal("expandedFlow", json.GetProperty("sampleType").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("inputInterface").ValueKind);
        Assert.Equal("discarded", json.GetProperty("inputInterfaceFormat").GetString());
        Assert.Equal(258, json.GetProperty("inputDiscardReason").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("outputInterface").ValueKind);
        Assert.Equal("reserved", json.GetProperty("outputInterfaceFormat").GetString());
        Assert.Equal(9, json.GetProperty("outputInterfaceValue").GetInt64());
    }

    [Fact]
    public void TryWrite_UnknownSampleType_WritesEnterpriseFormatAndLengthOnly()
    {
        var datagram = new SFlowDatagramBuilder().Sample(SFlowStructure.Create(4413, 5, new byte[12])).Build();

        var json = JsonSamples.Single(datagram);

        Assert.Equal("unknown", json.GetProperty("sampleType").GetString());
        Assert.Equal(4413, json.GetProperty("enterprise").GetInt64());
        Assert.Equal(5, json.GetProperty("format").GetInt64());
        Assert.Equal(12, json.GetProperty("length").GetInt64());
        Assert.False(json.TryGetProperty("records", out _));
        Assert.False(json.TryGetProperty("sampleSequence", out _));
    }

    [Fact]
    public void TryWrite_InvalidUtf8PortName_WritesReplacementCharacterWithoutThrowing()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.PortName([(byte)'e', 0xFF, 0xC3, (byte)'x'])))
            .Build();

        var json = JsonSamples.Single(datagram);

        var record = json.GetProperty("records")[0];
        Assert.Equal("portName", record.GetProperty("name").GetString());
        Assert.Equal("e\uFFFD\uFFFDx", record.GetProperty("portName").GetString());
    }

    [Fact]
    public void TryWrite_TextNeedingEscapes_WritesValidJson()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(FlowRecordEncoder.ExtendedUrl(1, "/q?a=\"b\"&c=\\"u8, "h\u0001\n"u8)))
            .Build();

        var record = JsonSamples.Single(datagram).GetProperty("records")[0];

        Assert.Equal("/q?a=\"b\"&c=\\", record.GetProperty("url").GetString());
        Assert.Equal("h\u0001\n", record.GetProperty("host").GetString());
    }

    [Fact]
    public void TryWrite_MalformedKnownRecord_ReturnsFalseAndWritesTheErrorIntoCompleteJson()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s
                .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(10)))
                .Record(new SFlowStructure((uint)FlowRecordFormat.ExtendedSwitch, new byte[8]))
                .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniIngress, new ExtendedVni(11))))
            .Build();

        var written = Assert.Single(JsonSamples.Write(datagram));

        Assert.False(written.Ok);
        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, 68 + 12 + 8), written.Error);
        var records = written.Json.GetProperty("records");
        Assert.Equal(2, records.GetArrayLength());
        Assert.Equal(10, records[0].GetProperty("vni").GetInt64());
        Assert.Equal("extendedSwitch", records[1].GetProperty("name").GetString());
        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, 0).Reason, records[1].GetProperty("error").GetString());
        Assert.Equal(68 + 12 + 8, records[1].GetProperty("errorOffset").GetInt64());
    }

    [Fact]
    public void TryWrite_RecordFramingBroken_ReturnsFalseWithTheRecordReaderError()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.DeclaredRecordCount(2).Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(1)))
                .Record(SFlowStructure.Create(0, 999, [])))
            .Build();
        datagram[^1] = 0x40; // the second record's length now runs past the sample

        var written = Assert.Single(JsonSamples.Write(datagram));

        Assert.False(written.Ok);
        Assert.Equal(SFlowErrorCode.RecordLengthOutOfRange, written.Error.Code);
        Assert.Equal(1, written.Json.GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void TryWrite_HostCpuLoadNotFinite_WritesNullWithoutThrowing(float load)
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.HostCpu(new HostCpu(load, 1.5f, load, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))))
            .Build();

        var record = JsonSamples.Single(datagram).GetProperty("records")[0];

        Assert.Equal(JsonValueKind.Null, record.GetProperty("loadOne").ValueKind);
        Assert.Equal(1.5, record.GetProperty("loadFive").GetDouble());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("loadFifteen").ValueKind);
    }

    [Fact]
    public void TryWrite_AbsentNextHopAndParsedNothing_WritesNulls()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s
                .Record(FlowRecordEncoder.ExtendedRouter(new ExtendedRouter(default, 1, 2)))
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 60, 0, [1, 2, 3])))
            .Build();

        var records = JsonSamples.Single(datagram).GetProperty("records");

        Assert.Equal(JsonValueKind.Null, records[0].GetProperty("nextHop").ValueKind);
        var raw = records[1];
        foreach (var name in new[] { "srcMac", "dstMac", "etherType", "vlan", "srcAddress", "dstAddress", "ipProtocol", "srcPort", "dstPort", "tcpFlags", "icmpType", "icmpCode" })
        {
            Assert.Equal(JsonValueKind.Null, raw.GetProperty(name).ValueKind);
        }

        Assert.False(raw.TryGetProperty("ipTtl", out _));
        Assert.Equal(3, raw.GetProperty("headerLength").GetInt64());
    }

    [Fact]
    public void TryWrite_IPv6FragmentQinQ_WritesInnerVlanFlowLabelAndFragmentOffset()
    {
        var frame = new PacketBuilder()
            .Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02"))
            .Vlan(100, tpid: PacketBuilder.TpidQinQ)
            .Vlan(200)
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"), hopLimit: 7, trafficClass: 0x20, flowLabel: 0x54321)
            .IPv6Fragment(100, moreFragments: false)
            .Payload(8)
            .Build();
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1000, 4, frame)))
            .Build();

        var raw = JsonSamples.Single(datagram).GetProperty("records")[0];

        Assert.Equal(100, raw.GetProperty("vlan").GetInt64());
        Assert.Equal(200, raw.GetProperty("innerVlan").GetInt64());
        Assert.Equal(0x86DD, raw.GetProperty("etherType").GetInt64());
        Assert.Equal(0x54321, raw.GetProperty("ipv6FlowLabel").GetInt64());
        Assert.Equal(0x20, raw.GetProperty("ipTos").GetInt64());
        Assert.Equal(7, raw.GetProperty("ipTtl").GetInt64());
        Assert.Equal(100, raw.GetProperty("fragmentOffset").GetInt64());
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("srcPort").ValueKind);
    }

    [Fact]
    public void TryWrite_ExtendedGateway_WritesPathSegmentsCommunitiesAndOriginAs()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(FlowRecordEncoder.ExtendedGateway(
                Ip("10.0.0.254"), 100, 200, 300,
                [AsPathSegmentValue.Sequence(300, 400), AsPathSegmentValue.Set(500, 600), new AsPathSegmentValue(9, [700])],
                [0xFFFF_FF02], 150)))
            .Build();

        var record = JsonSamples.Single(datagram).GetProperty("records")[0];

        Assert.Equal("extendedGateway", record.GetProperty("name").GetString());
        Assert.Equal("10.0.0.254", record.GetProperty("nextHop").GetString());
        Assert.Equal(100, record.GetProperty("as").GetInt64());
        Assert.Equal(200, record.GetProperty("srcAs").GetInt64());
        Assert.Equal(300, record.GetProperty("srcPeerAs").GetInt64());
        Assert.Equal(700, record.GetProperty("dstAs").GetInt64());
        var path = record.GetProperty("dstAsPath");
        Assert.Equal("sequence", path[0].GetProperty("type").GetString());
        Assert.Equal([300L, 400L], path[0].GetProperty("as").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("set", path[1].GetProperty("type").GetString());
        Assert.Equal("unknown", path[2].GetProperty("type").GetString());
        Assert.Equal(0xFFFF_FF02, record.GetProperty("communities")[0].GetInt64());
        Assert.Equal(150, record.GetProperty("localPref").GetInt64());
    }

    [Fact]
    public void Names_EveryKnownFormatAndSampleType_HasADistinctName()
    {
        var flowNames = FlowRecordFormats.All.Select(Json.SampleJsonWriter.FlowRecordName).ToList();
        var counterNames = CounterRecordFormats.All.Select(Json.SampleJsonWriter.CounterRecordName).ToList();
        var sampleNames = Enum.GetValues<SFlowSampleType>().Select(Json.SampleJsonWriter.SampleTypeName).ToList();

        Assert.DoesNotContain("unknown", flowNames);
        Assert.DoesNotContain("unknown", counterNames);
        Assert.Equal(flowNames.Count, flowNames.Distinct().Count());
        Assert.Equal(counterNames.Count, counterNames.Distinct().Count());
        Assert.Equal(["unknown", "flow", "counters", "expandedFlow", "expandedCounters", "discard"], sampleNames);
        Assert.Equal("unknown", Json.SampleJsonWriter.FlowRecordName((FlowRecordFormat)12));
    }
}
