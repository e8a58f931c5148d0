using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Netm.Tail;

/// <summary>
/// Turns the messages of one of the project's topics into JSON objects, one per record: the data topics carry their
/// records length-delimited (flows and counters a datagram's worth per message), dead letters one plain message each
/// (docs/contracts.md). Addresses print as text, MACs as
/// aa:bb:cc:dd:ee:ff, rather than as the base64 and decimal the wire form would give.
/// </summary>
internal sealed class TopicDecoder
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatEnumsAsIntegers(false));
    private static readonly HashSet<string> AddressFields = new(StringComparer.Ordinal) { "samplerAddress", "srcAddr", "dstAddr", "nextHop", "address" };
    private static readonly HashSet<string> MacFields = new(StringComparer.Ordinal) { "srcMac", "dstMac" };

    private readonly MessageParser _parser;
    private readonly bool _delimited;

    private TopicDecoder(MessageParser parser, bool delimited)
    {
        _parser = parser;
        _delimited = delimited;
    }

    /// <summary>The decoder for a topic of <paramref name="topics"/>; null when the topic is not one of them.</summary>
    public static TopicDecoder? For(string topic, BusTopics topics)
    {
        if (topic == topics.Flows)
        {
            return new TopicDecoder(FlowMessage.Parser, delimited: true);
        }

        if (topic == topics.Counters)
        {
            return new TopicDecoder(CounterMessage.Parser, delimited: true);
        }

        if (topic == topics.ProbeTasks)
        {
            return new TopicDecoder(ProbeTask.Parser, delimited: true);
        }

        if (topic == topics.ProbeResults)
        {
            return new TopicDecoder(ProbeResult.Parser, delimited: true);
        }

        if (topic == topics.Events)
        {
            return new TopicDecoder(NetworkEvent.Parser, delimited: true);
        }

        return topic == topics.DeadLetters ? new TopicDecoder(DeadLetter.Parser, delimited: false) : null;
    }

    /// <summary>One JSON object per record of the message.</summary>
    /// <exception cref="InvalidProtocolBufferException">The message does not parse as the topic's contract.</exception>
    public IEnumerable<string> Decode(byte[] value)
    {
        if (!_delimited)
        {
            yield return Render(_parser.ParseFrom(value));
            yield break;
        }

        using var stream = new MemoryStream(value, writable: false);
        while (stream.Position < stream.Length)
        {
            yield return Render(_parser.ParseDelimitedFrom(stream));
        }
    }

    private static string Render(IMessage message)
    {
        var json = JsonNode.Parse(Formatter.Format(message))!.AsObject();
        Readable(json, message.Descriptor);
        return json.ToJsonString();
    }

    // Driven by the schema, not by names alone: only bytes fields hold binary addresses (a probe's "address" is text).
    private static void Readable(JsonObject json, MessageDescriptor descriptor)
    {
        foreach (var (name, node) in json.ToList())
        {
            if (node is null || descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name) is not { } field)
            {
                continue;
            }

            switch (field.FieldType)
            {
                case FieldType.Message when node is JsonObject child:
                    Readable(child, field.MessageType);
                    break;
                case FieldType.Message when node is JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        Readable(item, field.MessageType);
                    }

                    break;
                case FieldType.Bytes when AddressFields.Contains(name) && Convert.FromBase64String(node.GetValue<string>()) is { Length: 4 or 16 } address:
                    json[name] = new IPAddress(address).ToString();
                    break;
                case FieldType.UInt64 when MacFields.Contains(name):
                    json[name] = FormatMac(ulong.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static string FormatMac(ulong value) =>
        string.Join(':', Enumerable.Range(0, 6).Select(i => ((byte)(value >> (8 * (5 - i)))).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
