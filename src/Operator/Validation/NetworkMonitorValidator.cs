using System.Text.RegularExpressions;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// The rules of a NetworkMonitor: its schema, then unique names of flows, thresholds and channels; no repeated key
/// in a flow; a filter that parses (<see cref="FlowFilter"/>); each threshold on exactly one of a flow of this monitor
/// or a known metric (<see cref="MonitorMetric"/>), byFlow only on a flow, and channels that exist; each channel exactly
/// one of slack and webhook.
/// </summary>
public static class NetworkMonitorValidator
{
    /// <summary>Everything wrong with <paramref name="monitor"/>; empty when it is valid.</summary>
    /// <param name="monitor">The object as created or updated.</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    public static IReadOnlyList<FieldError> Validate(V1Alpha1NetworkMonitor monitor)
    {
        var errors = new List<FieldError>();
        var spec = monitor.Spec;
        SchemaRules.Check(spec, "spec", errors);
        Rules.Unique(spec.Flows, flow => flow.Name, "spec.flows", "the name", errors);
        Rules.Unique(spec.Thresholds, threshold => threshold.Name, "spec.thresholds", "the name", errors);
        Rules.Unique(spec.Channels, channel => channel.Name, "spec.channels", "the name", errors);
        for (var i = 0; i < spec.Flows.Count; i++)
        {
            Rules.Unique(spec.Flows[i].Keys, key => key, $"spec.flows[{i}].keys", "the key", errors);
            // A filter too long for the schema has its error already; parsing it would only add noise.
            if (spec.Flows[i].Filter is { Length: > 0 and <= MaxFilterLength } filter && !FlowFilter.TryParse(filter, out _, out var problem))
            {
                errors.Add(new FieldError($"spec.flows[{i}].filter", problem + FilterHelp));
            }
        }

        var flows = spec.Flows.Select(flow => flow.Name).ToHashSet(StringComparer.Ordinal);
        var channels = spec.Channels.Select(channel => channel.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < spec.Thresholds.Count; i++)
        {
            CheckThreshold(spec.Thresholds[i], $"spec.thresholds[{i}]", flows, channels, errors);
        }

        for (var i = 0; i < spec.Channels.Count; i++)
        {
            var channel = spec.Channels[i];
            Rules.ExactlyOne($"spec.channels[{i}]", errors, "", ("slack", channel.Slack is not null), ("webhook", channel.Webhook is not null));
        }

        return errors;
    }

    private const int MaxFilterLength = 1024;

    // Appended to every filter error: the language in a sentence, for whoever reads the message without the docs.
    private const string FilterHelp = " (a filter compares flow fields with ==, !=, <, >, <=, >= or in a list or CIDR prefix, combined with and, or, not and parentheses, such as proto == tcp and dstAddr in 10.0.0.0/8)";

    private static void CheckThreshold(MonitorThreshold threshold, string at, HashSet<string> flows, HashSet<string> channels, List<FieldError> errors)
    {
        Rules.ExactlyOne(at, errors, "", ("flow", Rules.IsSet(threshold.Flow)), ("metric", Rules.IsSet(threshold.Metric)));
        if (Rules.IsSet(threshold.Flow) && !flows.Contains(threshold.Flow))
        {
            errors.Add(new FieldError(at + ".flow", flows.Count == 0
                ? $"names flow \"{threshold.Flow}\", and spec.flows is empty; define the flow in spec.flows or compare a metric instead"
                : $"names flow \"{threshold.Flow}\", which spec.flows does not define; use one of {SchemaRules.Quote(flows.Order(StringComparer.Ordinal))}"));
        }

        // A name the schema's pattern refuses has its error already.
        if (Rules.IsSet(threshold.Metric) && Regex.IsMatch(threshold.Metric, Patterns.MetricName) && !MonitorMetric.Counters.Contains(threshold.Metric) && !MonitorMetric.Probes.Contains(threshold.Metric))
        {
            errors.Add(new FieldError(at + ".metric", $"\"{threshold.Metric}\" is not a metric; use an interface counter ({string.Join(", ", MonitorMetric.Counters)}) or a probe figure ({string.Join(", ", MonitorMetric.Probes)})"));
        }

        if (threshold.ByFlow && !Rules.IsSet(threshold.Flow))
        {
            errors.Add(new FieldError(at + ".byFlow", "applies only to a threshold on a flow; remove it or compare a flow"));
        }

        for (var j = 0; j < threshold.Channels.Count; j++)
        {
            if (!channels.Contains(threshold.Channels[j]))
            {
                errors.Add(new FieldError($"{at}.channels[{j}]", $"names channel \"{threshold.Channels[j]}\", which spec.channels does not define; define it, or leave channels out to notify every channel"));
            }
        }
    }
}
