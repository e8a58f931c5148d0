using System.Buffers;
using System.Text.Json;
using Google.Protobuf.Collections;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Delivery.Payloads;

/// <summary>
/// The JSON body POSTed to a generic webhook (docs/notifications.md documents it field by field). Fields the event
/// does not have are left out rather than sent empty, except clearedAt, which is null while the condition lasts.
/// </summary>
public static class WebhookPayload
{
    /// <summary>The body for <paramref name="networkEvent"/>, as UTF-8 JSON.</summary>
    public static byte[] Create(NetworkEvent networkEvent)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", EventFacts.Kind(networkEvent));
            json.WriteString("eventId", networkEvent.EventId);
            if (networkEvent.Monitor is { } monitor)
            {
                if (networkEvent.Threshold is { Name.Length: > 0 } named && monitor.Name.Length > 0 && networkEvent.EventId.Length > 0)
                {
                    json.WriteString("notification", NotificationNames.For(monitor.Name, named.Name, networkEvent.EventId));
                }

                json.WriteStartObject("monitor");
                json.WriteString("namespace", monitor.Namespace);
                json.WriteString("name", monitor.Name);
                json.WriteEndObject();
            }

            if (networkEvent.Threshold is { } threshold)
            {
                json.WriteStartObject("threshold");
                json.WriteString("name", threshold.Name);
                WriteIfSet(json, "flow", threshold.FlowName);
                WriteIfSet(json, "metric", threshold.Metric);
                json.WriteNumber("value", threshold.Value);
                WriteIfSet(json, "window", EventFacts.Window(networkEvent));
                json.WriteBoolean("byFlow", threshold.ByFlow);
                json.WriteEndObject();
            }

            json.WriteNumber("value", networkEvent.Value);
            WriteKey(json, "flowKey", networkEvent.FlowKey);
            json.WriteStartArray("topTalkers");
            foreach (var talker in networkEvent.TopTalkers)
            {
                json.WriteStartObject();
                WriteKey(json, "flowKey", talker.Key);
                json.WriteNumber("value", talker.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (networkEvent.AgentAddress.Length > 0)
            {
                json.WriteStartObject("agent");
                json.WriteString("address", networkEvent.AgentAddress);
                json.WriteNumber("subAgentId", networkEvent.SubAgentId);
                json.WriteNumber("ifIndex", networkEvent.IfIndex);
                WriteIfSet(json, "interface", networkEvent.InterfaceName);
                json.WriteEndObject();
            }

            WriteIfSet(json, "raisedAt", EventFacts.Time(networkEvent.RaisedAtNs));
            json.WriteString("clearedAt", EventFacts.Time(networkEvent.ClearedAtNs));
            if (networkEvent.ProbeResult is { } probe)
            {
                WriteProbe(json, probe);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProbe(Utf8JsonWriter json, ProbeResult probe)
    {
        json.WriteStartObject("probe");
        if (probe.Test is { } test)
        {
            json.WriteString("test", test.Namespace.Length > 0 ? $"{test.Namespace}/{test.Name}" : test.Name);
        }

        json.WriteString("type", probe.ProbeType.ToString().ToLowerInvariant());
        json.WriteString("verdict", EventFacts.Verdict(probe));
        WriteIfSet(json, "error", probe.ErrorReason);
        json.WriteNumber("lossPercent", probe.LossPercent);
        json.WriteNumber("rttAvgMs", probe.RttAvgNs / 1e6);
        json.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter json, string name, MapField<string, string> key)
    {
        json.WriteStartObject(name);
        foreach (var (field, value) in key)
        {
            json.WriteString(field, value);
        }

        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
