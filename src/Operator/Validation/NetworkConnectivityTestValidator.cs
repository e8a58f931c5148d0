using System.Net;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// The rules of a NetworkConnectivityTest: its schema, then the original project's (layer 3 takes no ports; layer 4
/// needs a port on every destination; each destination kind needs its own fields and a valid value) and ours (one
/// source, no stray fields, no duplicate destinations, a schedule longer than one run).
/// </summary>
public static class NetworkConnectivityTestValidator
{
    /// <summary>Everything wrong with <paramref name="test"/>; empty when it is valid.</summary>
    /// <param name="test">The object as created or updated.</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    public static IReadOnlyList<FieldError> Validate(V1Alpha1NetworkConnectivityTest test)
    {
        var errors = new List<FieldError>();
        var spec = test.Spec;
        SchemaRules.Check(spec, "spec", errors);
        if (spec.Source is { } source)
        {
            CheckSource(source, errors);
        }

        for (var i = 0; i < spec.Destinations.Count; i++)
        {
            CheckDestination(spec.Layer, spec.Destinations[i], $"spec.destinations[{i}]", errors);
        }

        Rules.Unique(spec.Destinations, destination => Identity(destination, test.Metadata?.NamespaceProperty), "spec.destinations", "the destination", errors);
        CheckSchedule(spec, errors);
        if (spec.PathMTU == true && spec.Layer == ConnectivityLayer.Transport)
        {
            errors.Add(new FieldError("spec.pathMTU", "is measured with ICMP echo requests at layer 3; remove it, or set spec.layer to \"3\" in a test of its own"));
        }

        return errors;
    }

    private static void CheckSource(ConnectivitySource source, List<FieldError> errors)
    {
        Rules.ExactlyOne(
            "spec.source",
            errors,
            "; or leave spec.source out to probe from a node's host network",
            ("name", Rules.IsSet(source.Name)),
            ("selector", source.Selector is not null),
            ("node", Rules.IsSet(source.Node)));
        if (Rules.IsSet(source.Node))
        {
            Rules.NotUsed(Rules.IsSet(source.Namespace), "spec.source.namespace", "with a node source", errors);
            Rules.NotUsed(Rules.IsSet(source.Container), "spec.source.container", "with a node source", errors);
        }
    }

    // The fields each destination kind takes, the first of them required; the others are refused.
    private static readonly Dictionary<string, string[]> FieldsOf = new(StringComparer.Ordinal)
    {
        [DestinationKind.Pod] = ["name", "namespace"],
        [DestinationKind.Service] = ["name", "namespace"],
        [DestinationKind.Node] = ["name"],
        [DestinationKind.Ip] = ["ip"],
        [DestinationKind.Dns] = ["host"],
    };

    private static void CheckDestination(string layer, ConnectivityDestination destination, string at, List<FieldError> errors)
    {
        CheckPort(layer, destination, at, errors);
        CheckRequest(destination, at, errors);
        var kind = destination.Kind;
        if (!FieldsOf.TryGetValue(kind, out var fields))
        {
            return; // an unknown kind was reported with the schema
        }

        (string Field, string? Value)[] values = [("name", destination.Name), ("namespace", destination.Namespace), ("ip", destination.Ip), ("host", destination.Host)];
        var article = kind == DestinationKind.Ip ? "an" : "a";
        foreach (var (field, value) in values.Where(entry => Rules.IsSet(entry.Value) && !fields.Contains(entry.Field)))
        {
            var hint = field switch
            {
                "ip" => " (use kind ip for an address)",
                "host" => " (use kind dns for a DNS name)",
                "namespace" when kind == DestinationKind.Node => " (nodes have no namespace)",
                _ => "",
            };
            errors.Add(new FieldError($"{at}.{field}", $"is not used by {article} {kind} destination{hint}; remove it"));
        }

        var required = values.Single(entry => entry.Field == fields[0]);
        var problem = required.Value switch
        {
            null or "" => $"is required for {article} {kind} destination; set it to " + kind switch
            {
                DestinationKind.Ip => "an IPv4 or IPv6 address, such as 10.0.0.1",
                DestinationKind.Dns => "a DNS name, such as example.com",
                _ => $"the {kind}'s name",
            },
            var ip when kind == DestinationKind.Ip && !NetworkAddresses.IsIpAddress(ip) =>
                $"\"{ip}\" is not an IP address; write an IPv4 address as four numbers 0 to 255, such as 10.0.0.1, or an IPv6 address such as fd00::1 (for a name, use kind dns)",
            var host when kind == DestinationKind.Dns && NetworkAddresses.IsIpAddress(host) => $"\"{host}\" is an IP address; use kind ip with ip: {host}",
            var host when kind == DestinationKind.Dns && !NetworkAddresses.IsHostName(host) =>
                $"\"{host}\" is not a DNS name; use letters, digits and '-' in parts of up to 63 characters separated by dots, such as my-service.default.svc.cluster.local",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new FieldError($"{at}.{required.Field}", problem));
        }
    }

    private static void CheckRequest(ConnectivityDestination destination, string at, List<FieldError> errors)
    {
        Rules.NotUsed(destination.Path is not null && destination.Protocol is not (TransportProtocol.Http or TransportProtocol.Https), at + ".path", "unless protocol is HTTP or HTTPS", errors);
        Rules.NotUsed(destination.InsecureSkipTLSVerify is not null && destination.Protocol != TransportProtocol.Https, at + ".insecureSkipTLSVerify", "unless protocol is HTTPS", errors);
    }

    private static void CheckPort(string layer, ConnectivityDestination destination, string at, List<FieldError> errors)
    {
        if (layer == ConnectivityLayer.Network)
        {
            if (destination.Port is not null)
            {
                errors.Add(new FieldError(at + ".port", "layer 3 sends ICMP echo requests, which have no ports; remove the port, or set spec.layer to \"4\" to probe it"));
            }

            if (destination.Protocol != TransportProtocol.Tcp)
            {
                errors.Add(new FieldError(at + ".protocol", "is used only at layer 4; remove it, or set spec.layer to \"4\""));
            }
        }
        else if (layer == ConnectivityLayer.Transport)
        {
            if (destination.Port is null)
            {
                errors.Add(new FieldError(at + ".port", "is required at layer 4, on every destination; add the port to probe, such as port: 80"));
            }
            else if (NetworkAddresses.PortProblem(destination.Port, destination.Kind is DestinationKind.Pod or DestinationKind.Service) is { } problem)
            {
                errors.Add(new FieldError(at + ".port", problem));
            }
        }
    }

    private static void CheckSchedule(NetworkConnectivityTestSpec spec, List<FieldError> errors)
    {
        // An every that is malformed or below its minimum has been reported already; one error per field is enough.
        if (spec.Schedule is not { } schedule
            || errors.Any(error => error.Path == "spec.schedule.every")
            || !GoDuration.TryParse(schedule.Every, out var every)
            || !GoDuration.TryParse(spec.Interval, out var interval)
            || !GoDuration.TryParse(spec.Timeout, out var timeout)
            || spec.Count is < 1 or > 100)
        {
            return;
        }

        var run = (interval * (spec.Count - 1)) + timeout;
        if (every < run)
        {
            errors.Add(new FieldError(
                "spec.schedule.every",
                $"{schedule.Every} is shorter than one run can take ((count - 1) x interval + timeout = {run.TotalSeconds:0.###}s), so runs would overlap; make it at least that, or lower count, interval or timeout"));
        }
    }

    // Two entries that would probe the same targets the same way.
    private static string? Identity(ConnectivityDestination destination, string? objectNamespace)
    {
        var ip = Rules.IsSet(destination.Ip) && IPAddress.TryParse(destination.Ip, out var address) ? address.ToString() : destination.Ip;
        var space = destination.Kind is DestinationKind.Pod or DestinationKind.Service ? destination.Namespace ?? objectNamespace : null;
        return string.Join('|', destination.Kind, space, destination.Name, ip, destination.Host?.TrimEnd('.').ToLowerInvariant(), destination.Port?.Value, destination.Protocol);
    }
}
