using System.Text.RegularExpressions;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// The rules of a NetworkMonitor: its schema, then unique names of flows, thresholds and channels; no repeated key
/// in a flow; a filter that parses (<see cref="FlowFilter"/>); each threshold on exactly one of a flow of this monitor
/// or a known metric (<see cref="MonitorMetric"/>), byFlow only on a flow, and channels that exist; each channel exactly
/// one of slack and webhook, with exactly one of its inline URL and its Secret reference, and the inline URL only in
/// <see cref="ValidationMode.Standalone"/> manifests.
/// </summary>
public static class NetworkMonitorValidator
{
    /// <summary>Everything wrong with <paramref name="monitor"/>; empty when it is valid.</summary>
    /// <param name="monitor">The object as created or updated.</param>
    /// <param name="mode">Whether the object is stored in a cluster or read from a standalone manifest.</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    public static IReadOnlyList<FieldError> Validate(V1Alpha1NetworkMonitor monitor, ValidationMode mode = ValidationMode.Cluster)
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
            var at = $"spec.channels[{i}]";
            Rules.ExactlyOne(at, errors, "", ("slack", channel.Slack is not null), ("webhook", channel.Webhook is not null));
            if (channel.Slack is { } slack)
            {
                CheckUrl(slack.Url, slack.WebhookSecretRef is not null, "webhookSecretRef", at + ".slack", mode, errors);
            }

            if (channel.Webhook is { } webhook)
            {
                CheckUrl(webhook.Url, webhook.UrlSecretRef is not null, "urlSecretRef", at + ".webhook", mode, errors);
            }
        }

        return errors;
    }

    private const int MaxFilterLength = 1024;

    // Appended to every filter error: the language in a sentence, for whoever reads the message without the docs.
    private const string FilterHelp = " (a filter compares flow fields with ==, !=, <, >, <=, >= or in a list or CIDR prefix, combined with and, or, not and parentheses, such as proto == tcp and dstAddr in 10.0.0.0/8)";

    // A URL in a stored object is readable by everyone who may read the monitor, and a Slack or signed webhook URL is
    // a credential: in a cluster it comes from a Secret. Standalone manifests are files on one machine.
    private static void CheckUrl(string? url, bool hasSecretRef, string secretRef, string at, ValidationMode mode, List<FieldError> errors)
    {
        if (!Rules.IsSet(url))
        {
            if (!hasSecretRef)
            {
                errors.Add(new FieldError(at, mode == ValidationMode.Cluster
                    ? $"needs {secretRef}: the key of a Secret in the monitor's namespace that holds the URL"
                    : $"needs one of {secretRef} or url"));
            }

            return;
        }

        if (mode == ValidationMode.Cluster)
        {
            errors.Add(new FieldError(at + ".url", $"is allowed only in standalone manifests (netm run); in a cluster put the URL into a Secret and name it with {secretRef}"));
        }
        else if (hasSecretRef)
        {
            errors.Add(new FieldError(at, $"sets {secretRef} and url; keep only one of them"));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new FieldError(at + ".url", $"\"{url}\" is not an absolute http or https URL; write it such as https://hooks.example.com/path"));
        }
    }

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
