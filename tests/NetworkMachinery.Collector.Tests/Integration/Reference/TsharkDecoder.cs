using System.Globalization;
using System.Text.Json;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Collector.Tests.Integration.Reference;

/// <summary>Decodes a capture with Wireshark's sFlow dissector (<c>tshark -T json</c>), the reference the project is checked against.</summary>
public static class TsharkDecoder
{
    /// <summary>The samples of each datagram, and whether tshark gave up on the datagram part-way (it marks it malformed).</summary>
    public static async Task<List<(List<DecodedSample> Samples, bool Malformed)>> DecodeAsync(string capture, int sflowPort)
    {
        var result = await ProcessRunner.RunAsync(
            "tshark",
            ["-r", capture, "-n", "-d", $"udp.port=={sflowPort},sflow", "-Y", "sflow", "-T", "json"],
            new ProcessOptions { Timeout = TimeSpan.FromMinutes(5) });
        using var document = JsonDocument.Parse(result.StandardOutput);
        var datagrams = new List<(List<DecodedSample>, bool)>();
        foreach (var packet in document.RootElement.EnumerateArray())
        {
            var layers = packet.GetProperty("_source").GetProperty("layers");
            var sflow = layers.GetProperty("sflow");
            var samples = new List<DecodedSample>();
            foreach (var property in sflow.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("sflow_245.sampletype", out _))
                {
                    samples.Add(Sample(sflow, property.Value));
                }
            }

            datagrams.Add((samples, layers.TryGetProperty("_ws.malformed", out _)));
        }

        return datagrams;
    }

    private static DecodedSample Sample(JsonElement datagram, JsonElement sample)
    {
        var type = Number(sample, "sflow_245.sampletype");
        var isFlow = type is 1 or 3;
        var prefix = isFlow ? "sflow.flow_sample." : "sflow.counters_sample.";
        var packet = isFlow ? FindObject(sample, "Raw packet header") : null;
        var header = packet?.TryGetProperty("sflow_245.header_tree", out var tree) == true ? tree : (JsonElement?)null;
        return new DecodedSample(
            Agent: datagram.GetProperty("sflow_245.agent").GetString() ?? datagram.GetProperty("sflow_245.agentv6").GetString()!,
            SubAgentId: Number(datagram, "sflow_245.sub_agent_id"),
            DatagramSequence: Number(datagram, "sflow_245.sequence_number"),
            UptimeMs: Number(datagram, "sflow_245.sysuptime"),
            SampleType: type,
            SampleSequence: Number(sample, prefix + "sequence_number"),
            SourceIdType: Number(sample, isFlow ? "sflow.flow_sample.source_id_class" : "sflow.counters_sample.source_id_type"),
            SourceIdIndex: Number(sample, isFlow ? "sflow.flow_sample.index" : "sflow.counters_sample.source_id_index"),
            SamplingRate: isFlow ? Number(sample, "sflow.flow_sample.sampling_rate") : null,
            SamplePool: isFlow ? Number(sample, "sflow.flow_sample.sample_pool") : null,
            Drops: isFlow ? Number(sample, "sflow.flow_sample.dropped_packets") : null,
            Input: isFlow ? Interface(sample, "sflow.flow_sample.input_interface") : null,
            Output: isFlow ? Interface(sample, "sflow.flow_sample.output_interface") : null,
            FrameLength: packet is { } p ? Number(p, "sflow_245.header.frame_length") : null,
            SourceAddress: header is { } h ? Address(h, "src") : null,
            DestinationAddress: header is { } h2 ? Address(h2, "dst") : null,
            Protocol: header is { } h3 ? Protocol(h3) : null,
            SourcePort: header is { } h4 ? Port(h4, "srcport") : null,
            DestinationPort: header is { } h5 ? Port(h5, "dstport") : null,
            IcmpType: header is { } h6 ? Icmp(h6, "type") : null,
            IcmpCode: header is { } h7 ? Icmp(h7, "code") : null);
    }

    /// <summary>An interface word: tshark shows its format and value in a tree when the format bits are set, else a plain ifIndex.</summary>
    private static (uint, uint) Interface(JsonElement sample, string field)
    {
        if (sample.TryGetProperty(field + "_tree", out var tree))
        {
            return (Number(tree, field + "_format"), Number(tree, field + "_value"));
        }

        return (0, Number(sample, field));
    }

    private static string? Address(JsonElement header, string direction)
    {
        if (header.TryGetProperty("ip", out var ip))
        {
            return ip.GetProperty($"ip.{direction}").GetString();
        }

        return header.TryGetProperty("ipv6", out var ipv6) ? ipv6.GetProperty($"ipv6.{direction}").GetString() : null;
    }

    /// <summary>The transport protocol: the layer tshark dissected after IP (past IPv6 extension headers), else the IP protocol field.</summary>
    private static uint? Protocol(JsonElement header)
    {
        foreach (var (layer, number) in new[] { ("tcp", 6u), ("udp", 17u), ("icmp", 1u), ("icmpv6", 58u), ("sctp", 132u) })
        {
            if (header.TryGetProperty(layer, out _))
            {
                return number;
            }
        }

        if (header.TryGetProperty("ip", out var ip))
        {
            return Number(ip, "ip.proto");
        }

        return header.TryGetProperty("ipv6", out var ipv6) ? Number(ipv6, "ipv6.nxt") : null;
    }

    private static uint? Port(JsonElement header, string field)
    {
        foreach (var layer in new[] { "tcp", "udp", "sctp" })
        {
            if (header.TryGetProperty(layer, out var transport))
            {
                return Number(transport, $"{layer}.{field}");
            }
        }

        return null;
    }

    private static uint? Icmp(JsonElement header, string field)
    {
        foreach (var layer in new[] { "icmp", "icmpv6" })
        {
            if (header.TryGetProperty(layer, out var icmp))
            {
                return Number(icmp, $"{layer}.{field}");
            }
        }

        return null;
    }

    private static JsonElement? FindObject(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static uint Number(JsonElement element, string name)
    {
        var text = element.GetProperty(name).GetString()!;
        return text.StartsWith("0x", StringComparison.Ordinal)
            ? uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : uint.Parse(text, CultureInfo.InvariantCulture);
    }
}
