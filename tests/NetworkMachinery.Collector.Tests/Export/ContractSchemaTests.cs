using Google.Protobuf.Reflection;
using NetworkMachinery.Contracts;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Export;

/// <summary>
/// Pins the wire contract: the field numbers and types that goflow2 consumers rely on, the numbering of our own
/// fields, the message names that tools look messages up by, and the documentation of every field.
/// </summary>
public class ContractSchemaTests
{
    // goflow2's FlowMessage (github.com/netsampler/goflow2, pb/flow.proto): the fields ours shares, with their numbers and types.
    public static TheoryData<string, int, FieldType> Goflow2Fields => new()
    {
        { "type", 1, FieldType.Enum },
        { "time_received_ns", 110, FieldType.UInt64 },
        { "sequence_num", 4, FieldType.UInt32 },
        { "sampling_rate", 3, FieldType.UInt64 },
        { "sampler_address", 11, FieldType.Bytes },
        { "bytes", 9, FieldType.UInt64 },
        { "packets", 10, FieldType.UInt64 },
        { "src_addr", 6, FieldType.Bytes },
        { "dst_addr", 7, FieldType.Bytes },
        { "etype", 30, FieldType.UInt32 },
        { "proto", 20, FieldType.UInt32 },
        { "src_port", 21, FieldType.UInt32 },
        { "dst_port", 22, FieldType.UInt32 },
        { "in_if", 18, FieldType.UInt32 },
        { "out_if", 19, FieldType.UInt32 },
        { "src_mac", 27, FieldType.UInt64 },
        { "dst_mac", 28, FieldType.UInt64 },
        { "src_vlan", 33, FieldType.UInt32 },
        { "dst_vlan", 34, FieldType.UInt32 },
        { "vlan_id", 29, FieldType.UInt32 },
        { "ip_tos", 23, FieldType.UInt32 },
        { "ip_ttl", 25, FieldType.UInt32 },
        { "tcp_flags", 26, FieldType.UInt32 },
        { "icmp_type", 31, FieldType.UInt32 },
        { "icmp_code", 32, FieldType.UInt32 },
        { "ipv6_flow_label", 37, FieldType.UInt32 },
        { "fragment_offset", 36, FieldType.UInt32 },
        { "src_as", 14, FieldType.UInt32 },
        { "dst_as", 15, FieldType.UInt32 },
        { "next_hop", 12, FieldType.Bytes },
        { "src_net", 16, FieldType.UInt32 },
        { "dst_net", 17, FieldType.UInt32 },
    };

    // The fields that say which datagram of which agent stream a record came from, in both flows and counters.
    public static TheoryData<string> StreamFields =>
        new("time_received_ns", "sampler_address", "sub_agent_id", "sequence_num", "agent_uptime_ms", "sample_sequence", "source_id_type", "source_id_index");

    private static readonly FileDescriptor[] Files =
    [
        FlowReflection.Descriptor, CounterReflection.Descriptor, ProbeResultReflection.Descriptor,
        NetworkEventReflection.Descriptor, DeadLetterReflection.Descriptor,
    ];

    [Theory]
    [MemberData(nameof(Goflow2Fields))]
    public void FlowMessage_FieldSharedWithGoflow2_HasGoflow2sNumberAndType(string name, int number, FieldType type)
    {
        var field = FlowMessage.Descriptor.FindFieldByName(name);

        Assert.NotNull(field);
        Assert.Equal(number, field.FieldNumber);
        Assert.Equal(type, field.FieldType);
    }

    [Fact]
    public void FlowMessage_FieldsOfOurOwn_AreNumberedFrom1000()
    {
        var shared = Goflow2Fields.Select(row => (string)row[0]).ToHashSet();
        var ours = FlowMessage.Descriptor.Fields.InDeclarationOrder().Where(field => !shared.Contains(field.Name)).ToList();

        Assert.Equal(32, shared.Count);
        Assert.NotEmpty(ours);
        Assert.All(ours, field => Assert.True(field.FieldNumber >= 1000, $"{field.Name} is numbered {field.FieldNumber}"));
    }

    [Theory]
    [MemberData(nameof(StreamFields))]
    public void CounterMessage_StreamField_HasFlowMessagesNumberAndType(string name)
    {
        var flow = FlowMessage.Descriptor.FindFieldByName(name);
        var counter = CounterMessage.Descriptor.FindFieldByName(name);

        Assert.NotNull(flow);
        Assert.NotNull(counter);
        Assert.Equal(flow.FieldNumber, counter.FieldNumber);
        Assert.Equal(flow.FieldType, counter.FieldType);
    }

    [Fact]
    public void Messages_HaveTheNamesToolsLookThemUpBy()
    {
        Assert.Equal("netm.v1.FlowMessage", FlowMessage.Descriptor.FullName);
        Assert.Equal("netm.v1.CounterMessage", CounterMessage.Descriptor.FullName);
        Assert.Equal("netm.v1.ProbeResult", ProbeResult.Descriptor.FullName);
        Assert.Equal("netm.v1.NetworkEvent", NetworkEvent.Descriptor.FullName);
        Assert.Equal("netm.v1.DeadLetter", DeadLetter.Descriptor.FullName);
    }

    [Fact]
    public void ProbeResult_Verdicts_AreThoseOfTheProber()
    {
        var verdicts = ProbeResult.Descriptor.EnumTypes.Single(type => type.Name == "Verdict").Values.Select(value => value.Name);

        Assert.Equal(["VERDICT_UNSPECIFIED", "REACHABLE", "REFUSED", "TIMEOUT", "UNREACHABLE", "ERROR"], verdicts);
    }

    [Fact]
    public void Documentation_NamesEveryMessageFieldAndEnumValue()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "contracts.md"));
        var missing = new List<string>();
        foreach (var message in Files.SelectMany(file => file.MessageTypes).SelectMany(Flatten))
        {
            Check(message.Name);
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                Check(field.Name, $"{message.Name}.{field.Name}");
            }

            foreach (var value in message.EnumTypes.SelectMany(type => type.Values))
            {
                Check(value.Name, $"{message.Name}.{value.Name}");
            }
        }

        Assert.Empty(missing);

        void Check(string name, string? what = null)
        {
            if (!document.Contains($"`{name}`", StringComparison.Ordinal))
            {
                missing.Add(what ?? name);
            }
        }
    }

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        message.NestedTypes.Where(nested => !nested.IsMapEntry).SelectMany(Flatten).Prepend(message);
}
