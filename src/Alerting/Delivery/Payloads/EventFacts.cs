using System.Globalization;
using Google.Protobuf.Collections;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Delivery.Payloads;

/// <summary>The facts of an event as text, the same in every payload format.</summary>
internal static class EventFacts
{
    /// <summary>The kind as the webhook body names it: ThresholdRaised, ThresholdCleared, ProbeFailed, ProbeRecovered.</summary>
    public static string Kind(NetworkEvent networkEvent) => networkEvent.Kind switch
    {
        NetworkEvent.Types.Kind.ThresholdRaised => "ThresholdRaised",
        NetworkEvent.Types.Kind.ThresholdCleared => "ThresholdCleared",
        NetworkEvent.Types.Kind.ProbeFailed => "ProbeFailed",
        NetworkEvent.Types.Kind.ProbeRecovered => "ProbeRecovered",
        _ => "Unspecified",
    };

    /// <summary>What happened, in a word or two: raised, cleared, probe failed, probe recovered.</summary>
    public static string Verb(NetworkEvent networkEvent) => networkEvent.Kind switch
    {
        NetworkEvent.Types.Kind.ThresholdRaised => "raised",
        NetworkEvent.Types.Kind.ThresholdCleared => "cleared",
        NetworkEvent.Types.Kind.ProbeFailed => "probe failed",
        NetworkEvent.Types.Kind.ProbeRecovered => "probe recovered",
        _ => "reported",
    };

    /// <summary>Whether the event ends a condition (cleared, recovered).</summary>
    public static bool IsEnd(NetworkEvent networkEvent) =>
        networkEvent.Kind is NetworkEvent.Types.Kind.ThresholdCleared or NetworkEvent.Types.Kind.ProbeRecovered;

    /// <summary><c>namespace/name</c> of the monitor.</summary>
    public static string Monitor(NetworkEvent networkEvent) =>
        networkEvent.Monitor is { } monitor ? (monitor.Namespace.Length > 0 ? $"{monitor.Namespace}/{monitor.Name}" : monitor.Name) : "";

    /// <summary>The window as a duration such as 10s; null when the event has none.</summary>
    public static string? Window(NetworkEvent networkEvent) =>
        networkEvent.Threshold is { } threshold ? NotificationFactory.Window(threshold) : null;

    /// <summary>A Unix time in nanoseconds as RFC 3339 in UTC with milliseconds; null for 0.</summary>
    public static string? Time(ulong unixNanoseconds) =>
        NotificationFactory.Time(unixNanoseconds)?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A value for people: up to two decimals, thousands separated.</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A flow key as <c>field=value</c> pairs in the event's order; empty for the total.</summary>
    public static string Key(MapField<string, string> key) => string.Join(' ', key.Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary>Where the value was measured: the agent (and sub-agent) and interface; null when the event spans several.</summary>
    public static string? Agent(NetworkEvent networkEvent)
    {
        if (networkEvent.AgentAddress.Length == 0)
        {
            return null;
        }

        var agent = networkEvent.SubAgentId > 0 ? $"{networkEvent.AgentAddress} (sub-agent {networkEvent.SubAgentId})" : networkEvent.AgentAddress;
        var ifIndex = networkEvent.IfIndex > 0 ? networkEvent.IfIndex.ToString(CultureInfo.InvariantCulture) : null;
        return (networkEvent.InterfaceName.Length > 0, ifIndex) switch
        {
            (true, not null) => $"{agent} interface {networkEvent.InterfaceName} (ifIndex {ifIndex})",
            (true, null) => $"{agent} interface {networkEvent.InterfaceName}",
            (false, not null) => $"{agent} ifIndex {ifIndex}",
            _ => agent,
        };
    }

    /// <summary>The probe's verdict in lower case (timeout, refused, ...), as the webhook body and Slack show it.</summary>
    public static string Verdict(ProbeResult result) => result.Verdict.ToString().ToLowerInvariant();
}
