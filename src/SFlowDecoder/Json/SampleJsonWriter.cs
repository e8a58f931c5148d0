using System.Text.Json;

namespace NetworkMachinery.SFlow.Json;

/// <summary>
/// Writes one decoded sample, with its datagram's header fields and all its records, as one JSON object.
/// The field names are documented in <c>docs/decode-json.md</c>.
/// </summary>
public static partial class SampleJsonWriter
{
    /// <summary>Writes the sample as an object; returns false with <paramref name="error"/> set when a record is malformed.</summary>
    /// <remarks>The object is complete even on error: the malformed record is written with its <c>error</c>.</remarks>
    public static bool TryWrite(Utf8JsonWriter writer, in SFlowDatagramHeader datagram, SFlowSample sample, out SFlowError error)
    {
        var header = sample.Header;
        writer.WriteStartObject();
        writer.WriteAddress("agentAddress", datagram.AgentAddress);
        writer.WriteNumber("subAgentId", datagram.SubAgentId);
        writer.WriteNumber("datagramSequence", datagram.SequenceNumber);
        writer.WriteNumber("uptimeMs", datagram.UptimeMs);
        writer.WriteString("sampleType", SampleTypeName(header.Type));
        if (header.Type == SFlowSampleType.Unknown)
        {
            writer.WriteNumber("enterprise", header.Enterprise);
            writer.WriteNumber("format", header.Format);
            writer.WriteNumber("length", header.Length);
            writer.WriteEndObject();
            error = default;
            return true;
        }

        writer.WriteNumber("sampleSequence", header.SequenceNumber);
        writer.WriteNumber("sourceIdType", header.Source.Type);
        writer.WriteNumber("sourceIdIndex", header.Source.Index);
        if (header.HasFlowRecords)
        {
            if (header.Type != SFlowSampleType.Discard)
            {
                writer.WriteNumber("samplingRate", header.SamplingRate);
                writer.WriteNumber("samplePool", header.SamplePool);
            }

            writer.WriteNumber("drops", header.Drops);
            WriteInterface(writer, "input", header.Input);
            WriteInterface(writer, "output", header.Output);
            if (header.Type == SFlowSampleType.Discard)
            {
                writer.WriteNumber("discardReason", header.DiscardReason);
            }
        }

        error = default;
        writer.WriteStartArray("records");
        var records = sample.Records;
        while (records.TryReadRecord(out var record))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", record.Format);
            if (record.Enterprise != 0)
            {
                writer.WriteNumber("enterprise", record.Enterprise);
            }

            var known = record.Kind == SFlowRecordKind.Flow
                ? TryWriteFlowRecord(writer, record, out error)
                : TryWriteCounterRecord(writer, record, out error);
            if (error.IsError)
            {
                writer.WriteString("error", error.Reason);
                writer.WriteNumber("errorOffset", error.Offset);
            }
            else if (!known)
            {
                writer.WriteBoolean("unknown", true);
                writer.WriteNumber("length", record.Data.Length);
            }

            writer.WriteEndObject();
            if (error.IsError)
            {
                break;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (!error.IsError && records.Error.IsError)
        {
            error = records.Error;
        }

        return !error.IsError;
    }

    /// <summary>The JSON name of a sample type.</summary>
    public static string SampleTypeName(SFlowSampleType type) => type switch
    {
        SFlowSampleType.Flow => "flow",
        SFlowSampleType.Counters => "counters",
        SFlowSampleType.ExpandedFlow => "expandedFlow",
        SFlowSampleType.ExpandedCounters => "expandedCounters",
        SFlowSampleType.Discard => "discard",
        _ => "unknown",
    };

    private static void WriteInterface(Utf8JsonWriter writer, string prefix, SFlowInterface value)
    {
        var name = prefix + "Interface";
        switch (value.Format)
        {
            case InterfaceFormat.IfIndex:
                writer.WriteNumber(name, value.Value);
                writer.WriteString(name + "Format", "ifIndex");
                break;
            case InterfaceFormat.Discarded:
                writer.WriteNull(name);
                writer.WriteString(name + "Format", "discarded");
                writer.WriteNumber(prefix + "DiscardReason", value.Value);
                break;
            case InterfaceFormat.Multiple:
                writer.WriteNull(name);
                writer.WriteString(name + "Format", "multiple");
                writer.WriteNumber(name + "Count", value.Value);
                break;
            default:
                writer.WriteNull(name);
                writer.WriteString(name + "Format", "reserved");
                writer.WriteNumber(name + "Value", value.Value);
                break;
        }
    }
}
