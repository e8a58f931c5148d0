using System.Text.Json;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Collector.Tests.Integration.Reference;

/// <summary>Decodes a capture with the project's own command, <c>netm decode</c>, run as a separate process.</summary>
public static class NetmDecoder
{
    /// <summary>The netm program built alongside the tests.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "netm.dll");

    /// <summary>The samples of each datagram (consecutive samples of one agent stream and datagram sequence number), and the summary line.</summary>
    public static async Task<(List<List<DecodedSample>> Datagrams, string Summary)> DecodeAsync(string capture)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Program, "decode", capture], new ProcessOptions { Timeout = TimeSpan.FromMinutes(5) });
        var datagrams = new List<List<DecodedSample>>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var sample = Sample(document.RootElement);
            if (datagrams.Count == 0 || !SameDatagram(datagrams[^1][0], sample))
            {
                datagrams.Add([]);
            }

            datagrams[^1].Add(sample);
        }

        return (datagrams, result.StandardError.Trim());
    }

    private static DecodedSample Sample(JsonElement sample)
    {
        var type = sample.GetProperty("sampleType").GetString() switch
        {
            "flow" => 1u,
            "counters" => 2u,
            "expandedFlow" => 3u,
            "expandedCounters" => 4u,
            "discard" => 5u,
            var other => throw new InvalidDataException($"unexpected sampleType {other}"),
        };
        var isFlow = type is 1 or 3;
        JsonElement? raw = null;
        foreach (var record in sample.GetProperty("records").EnumerateArray())
        {
            if (isFlow && record.GetProperty("format").GetUInt32() == 1)
            {
                raw = record;
            }
        }

        return new DecodedSample(
            Agent: sample.GetProperty("agentAddress").GetString()!,
            SubAgentId: sample.GetProperty("subAgentId").GetUInt32(),
            DatagramSequence: sample.GetProperty("datagramSequence").GetUInt32(),
            UptimeMs: sample.GetProperty("uptimeMs").GetUInt32(),
            SampleType: type,
            SampleSequence: sample.GetProperty("sampleSequence").GetUInt32(),
            SourceIdType: sample.GetProperty("sourceIdType").GetUInt32(),
            SourceIdIndex: sample.GetProperty("sourceIdIndex").GetUInt32(),
            SamplingRate: isFlow ? sample.GetProperty("samplingRate").GetUInt32() : null,
            SamplePool: isFlow ? sample.GetProperty("samplePool").GetUInt32() : null,
            Drops: isFlow ? sample.GetProperty("drops").GetUInt32() : null,
            Input: isFlow ? Interface(sample, "input") : null,
            Output: isFlow ? Interface(sample, "output") : null,
            FrameLength: raw?.GetProperty("frameLength").GetUInt32(),
            SourceAddress: Text(raw, "srcAddress"),
            DestinationAddress: Text(raw, "dstAddress"),
            Protocol: Number(raw, "ipProtocol"),
            SourcePort: Number(raw, "srcPort"),
            DestinationPort: Number(raw, "dstPort"),
            IcmpType: Number(raw, "icmpType"),
            IcmpCode: Number(raw, "icmpCode"));
    }

    private static bool SameDatagram(DecodedSample a, DecodedSample b) =>
        a.Agent == b.Agent && a.SubAgentId == b.SubAgentId && a.DatagramSequence == b.DatagramSequence;

    private static (uint, uint) Interface(JsonElement sample, string prefix)
    {
        var name = prefix + "Interface";
        return sample.GetProperty(name + "Format").GetString() switch
        {
            "ifIndex" => (0u, sample.GetProperty(name).GetUInt32()),
            "discarded" => (1u, sample.GetProperty(prefix + "DiscardReason").GetUInt32()),
            "multiple" => (2u, sample.GetProperty(name + "Count").GetUInt32()),
            _ => (3u, sample.GetProperty(name + "Value").GetUInt32()),
        };
    }

    private static string? Text(JsonElement? record, string name) =>
        record is { } r && r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static uint? Number(JsonElement? record, string name) =>
        record is { } r && r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetUInt32() : null;
}
