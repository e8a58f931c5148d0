using System.Buffers;
using System.Text;
using System.Text.Json;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Delivery.Payloads;

/// <summary>
/// The Slack incoming-webhook message of an event: <c>text</c> (what notifications and clients without blocks show)
/// and Block Kit <c>blocks</c> with the key facts: monitor, threshold, value against the limit, window, agent and
/// interface, raised and cleared times, the flow key, the top talkers and, for probe events, the probe's verdict.
/// </summary>
public static class SlackMessage
{
    // Slack's limits: a header's text, fields per section; more talkers than this make a message nobody reads.
    private const int HeaderLength = 150;
    private const int MaxFields = 10;
    private const int MaxTalkers = 5;

    /// <summary>The message for <paramref name="networkEvent"/>, as UTF-8 JSON.</summary>
    public static byte[] Create(NetworkEvent networkEvent)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        var threshold = networkEvent.Threshold?.Name ?? "";
        var monitor = EventFacts.Monitor(networkEvent);
        var verb = EventFacts.Verb(networkEvent);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", Text(networkEvent, threshold, monitor, verb));
            json.WriteStartArray("blocks");

            json.WriteStartObject();
            json.WriteString("type", "header");
            PlainText(json, "text", Cut($"{threshold} {verb}: {monitor}", HeaderLength));
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "section");
            json.WriteStartArray("fields");
            foreach (var (name, value) in Fields(networkEvent, threshold, monitor).Take(MaxFields))
            {
                Markdown(json, $"*{name}*\n{Escape(value)}");
            }

            json.WriteEndArray();
            json.WriteEndObject();

            if (networkEvent.FlowKey.Count > 0)
            {
                Section(json, $"*Flow key*\n`{Escape(EventFacts.Key(networkEvent.FlowKey))}`");
            }

            if (networkEvent.TopTalkers.Count > 0)
            {
                var talkers = new StringBuilder("*Top talkers*");
                var rank = 0;
                foreach (var talker in networkEvent.TopTalkers.Take(MaxTalkers))
                {
                    talkers.Append('\n').Append(++rank).Append(". `").Append(Escape(EventFacts.Key(talker.Key))).Append("`: ").Append(EventFacts.Number(talker.Value));
                }

                Section(json, talkers.ToString());
            }

            if (networkEvent.ProbeResult is { } probe)
            {
                var test = probe.Test is { } t ? $"{t.Namespace}/{t.Name}" : "";
                var error = probe.ErrorReason.Length > 0 ? $" ({probe.ErrorReason})" : "";
                Section(json, Escape($"*Probe* {test}: {EventFacts.Verdict(probe)}{error}, loss {EventFacts.Number(probe.LossPercent)}%"));
            }

            json.WriteStartObject();
            json.WriteString("type", "context");
            json.WriteStartArray("elements");
            Markdown(json, Escape($"event {networkEvent.EventId}"));
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Text(NetworkEvent networkEvent, string threshold, string monitor, string verb)
    {
        var icon = EventFacts.IsEnd(networkEvent) ? ":white_check_mark:" : ":rotating_light:";
        var text = new StringBuilder($"{icon} {threshold} {verb} on {monitor}: {Comparison(networkEvent)}");
        if (EventFacts.Window(networkEvent) is { } window)
        {
            text.Append(" over ").Append(window);
        }

        if (networkEvent.FlowKey.Count > 0)
        {
            text.Append(" for ").Append(EventFacts.Key(networkEvent.FlowKey));
        }

        return Escape(text.ToString());
    }

    // "250 > limit 100 frames" while raised; "40 ≤ limit 100 frames" once cleared.
    private static string Comparison(NetworkEvent networkEvent)
    {
        var limit = networkEvent.Threshold?.Value ?? 0;
        var relation = networkEvent.Value > limit ? ">" : "≤";
        var unit = networkEvent.Threshold?.Metric is { Length: > 0 } metric ? " " + metric : "";
        return $"{EventFacts.Number(networkEvent.Value)} {relation} limit {EventFacts.Number(limit)}{unit}";
    }

    private static IEnumerable<(string Name, string Value)> Fields(NetworkEvent networkEvent, string threshold, string monitor)
    {
        yield return ("Monitor", monitor);
        var on = networkEvent.Threshold is { FlowName.Length: > 0 } t ? $" (flow {t.FlowName})" : "";
        yield return ("Threshold", threshold + on);
        yield return ("Value", Comparison(networkEvent));
        if (EventFacts.Window(networkEvent) is { } window)
        {
            yield return ("Window", window);
        }

        if (EventFacts.Agent(networkEvent) is { } agent)
        {
            yield return ("Agent", agent);
        }

        if (EventFacts.Time(networkEvent.RaisedAtNs) is { } raised)
        {
            yield return ("Raised", raised);
        }

        if (EventFacts.Time(networkEvent.ClearedAtNs) is { } cleared)
        {
            yield return ("Cleared", cleared);
        }
    }

    private static void Section(Utf8JsonWriter json, string markdown)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WritePropertyName("text");
        Markdown(json, markdown);
        json.WriteEndObject();
    }

    private static void Markdown(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void PlainText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "plain_text");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    // Slack's mrkdwn reads &, < and > as markup (links, mentions): flow keys and names must not be.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
