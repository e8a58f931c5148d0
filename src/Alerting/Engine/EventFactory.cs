using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>Builds the NetworkEvents of the rules: the monitor, the threshold, the key, the value and the times.</summary>
internal static class EventFactory
{
    /// <summary>An event of <paramref name="rule"/> for the condition identified by <paramref name="condition"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="condition">What tells this condition apart from the rule's others (a flow key, an interface, a probe); empty for a total.</param>
    /// <param name="value">The value checked.</param>
    /// <param name="raisedAt">When the condition was raised (Unix ticks).</param>
    /// <param name="clearedAt">When it cleared (Unix ticks), or 0.</param>
    /// <returns>The event, for the caller to add the key, the talkers and the source to.</returns>
    public static NetworkEvent Create(Rule rule, NetworkEvent.Types.Kind kind, string condition, double value, long raisedAt, long clearedAt)
    {
        var monitor = rule.Monitor;
        return new NetworkEvent
        {
            EventId = Id(monitor, rule.Message.Name, condition, raisedAt),
            Kind = kind,
            Monitor = new NetworkEvent.Types.MonitorRef { Namespace = monitor.Namespace, Name = monitor.Name, Uid = monitor.Uid },
            Threshold = rule.Message.Clone(),
            Value = value,
            RaisedAtNs = Nanoseconds(raisedAt),
            ClearedAtNs = clearedAt == 0 ? 0 : Nanoseconds(clearedAt),
        };
    }

    /// <summary>Unix ticks as Unix nanoseconds.</summary>
    public static ulong Nanoseconds(long unixTicks) => (ulong)Math.Max(0, unixTicks) * 100;

    /// <summary>A key map as text that identifies it: its pairs sorted by name.</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, string>> key) =>
        string.Join(',', key.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));

    // The same condition raised at the same time always gets the same id, so the event that clears it carries the
    // raising one's id; raised again later, it is a new condition with a new id.
    private static string Id(MonitorState monitor, string threshold, string condition, long raisedAt)
    {
        var text = string.Join('\n', monitor.Namespace, monitor.Name, monitor.Uid, threshold, condition, raisedAt.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
