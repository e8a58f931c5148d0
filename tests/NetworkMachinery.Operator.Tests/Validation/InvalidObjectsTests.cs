using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Tests.Validation;

/// <summary>
/// A table of invalid objects: each must fail with errors at exactly the expected paths, and the first error's message
/// must say how to fix it (the fragment).
/// </summary>
public sealed class InvalidObjectsTests
{
    private const string Nct = "NetworkConnectivityTest";
    private const string Nts = "NetworkTrafficShaper";
    private const string Nm = "NetworkMonitor";
    private const string Nn = "NetworkNotification";

    public static TheoryData<string, string, string[], string> Cases() => new()
    {
        // The original project's rules.
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}", ["spec.destinations[0].port"], "remove the port, or set spec.layer to \"4\"" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}\n- {kind: ip, ip: 10.0.0.2}", ["spec.destinations[1].port"], "add the port to probe" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip}", ["spec.destinations[0].ip"], "set it to an IPv4 or IPv6 address" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0}", ["spec.destinations[0].ip"], "four numbers 0 to 255" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 010.0.0.1}", ["spec.destinations[0].ip"], "is not an IP address" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: pod, namespace: default}", ["spec.destinations[0].name"], "set it to the pod's name" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: service}", ["spec.destinations[0].name"], "set it to the service's name" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: dns, host: exa mple.com}", ["spec.destinations[0].host"], "is not a DNS name" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: dns, host: 8.8.8.8}", ["spec.destinations[0].host"], "use kind ip with ip: 8.8.8.8" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: dns}", ["spec.destinations[0].host"], "set it to a DNS name" },

        // Schema: required fields, enums, ranges, patterns, sizes.
        { Nct, "destinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.layer"], "set it to one of \"3\", \"4\"" },
        { Nct, "layer: \"5\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.layer"], "use one of \"3\", \"4\"" },
        { Nct, "layer: \"3\"\ndestinations: []", ["spec.destinations"], "add at least 1 entry" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: url, name: x}", ["spec.destinations[0].kind"], "use one of \"pod\", \"ip\", \"service\", \"dns\", \"node\"" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: pod, name: Demo_Pod}", ["spec.destinations[0].name"], "is not a DNS subdomain" },
        { Nct, "layer: \"3\"\ncount: 0\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.count"], "use a value from 1 to 100" },
        { Nct, "layer: \"3\"\ncount: 101\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.count"], "101 is out of range" },
        { Nct, "layer: \"3\"\nexpect: Maybe\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.expect"], "use one of \"Reachable\", \"Unreachable\"" },

        // Durations.
        { Nct, "layer: \"3\"\ninterval: 5ms\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.interval"], "make it at least 10ms" },
        { Nct, "layer: \"3\"\ninterval: 1 second\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.interval"], "such as 1.5s, 200ms or 1m30s" },
        { Nct, "layer: \"3\"\ntimeout: \"0\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.timeout"], "make it at least 1ms" },
        { Nct, "layer: \"3\"\nschedule: {every: 500ms}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.schedule.every"], "make it at least 1s" },
        { Nct, "layer: \"3\"\nschedule: {every: 5s}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.schedule.every"], "= 7s), so runs would overlap" },
        { Nct, "layer: \"3\"\nschedule: {}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.schedule.every"], "is required" },

        // Sources.
        { Nct, "layer: \"3\"\nsource: {name: a, selector: {matchLabels: {app: a}}}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source"], "sets name and selector; keep only one of name, selector or node" },
        { Nct, "layer: \"3\"\nsource: {namespace: default}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source"], "leave spec.source out to probe from a node's host network" },
        { Nct, "layer: \"3\"\nsource: {node: worker-1, container: app}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source.container"], "is not used with a node source; remove it" },
        { Nct, "layer: \"3\"\nsource: {selector: {matchLabels: {}}}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source.selector"], "selects every pod in the namespace" },
        { Nct, "layer: \"3\"\nsource: {selector: {matchExpressions: [{key: app, operator: In}]}}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source.selector.matchExpressions[0].values"], "needs at least one value" },
        { Nct, "layer: \"3\"\nsource: {selector: {matchExpressions: [{key: app, operator: Near, values: [a]}]}}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source.selector.matchExpressions[0].operator"], "use In, NotIn, Exists or DoesNotExist" },
        { Nct, "layer: \"3\"\nsource: {selector: {matchLabels: {\"-app\": a}}}\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.source.selector.matchLabels[-app]"], "is not a label key" },

        // Ports, protocols and stray fields.
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 70000}", ["spec.destinations[0].port"], "use a number from 1 to 65535" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: http}", ["spec.destinations[0].port"], "only pod and service destinations can name a port" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: service, name: api, port: Http_Port}", ["spec.destinations[0].port"], "nor a port name" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, protocol: UDP}", ["spec.destinations[0].protocol"], "is used only at layer 4" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, protocol: HTTP}", ["spec.destinations[0].protocol"], "is used only at layer 4" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80, path: /healthz}", ["spec.destinations[0].path"], "is not used unless protocol is HTTP or HTTPS; remove it" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80, protocol: HTTP, path: healthz}", ["spec.destinations[0].path"], "a request path starting with '/'" },
        { Nct, "layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80, protocol: HTTP, insecureSkipTLSVerify: true}", ["spec.destinations[0].insecureSkipTLSVerify"], "is not used unless protocol is HTTPS" },
        { Nct, "layer: \"4\"\npathMTU: true\ndestinations:\n- {kind: ip, ip: 10.0.0.1, port: 80}", ["spec.pathMTU"], "set spec.layer to \"3\"" },
        { Nct, "layer: \"3\"\npayloadSize: 70000\ndestinations:\n- {kind: ip, ip: 10.0.0.1}", ["spec.payloadSize"], "65000" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1, name: web}", ["spec.destinations[0].name"], "is not used by an ip destination; remove it" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: node, name: worker-1, namespace: default}", ["spec.destinations[0].namespace"], "nodes have no namespace" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: dns, host: example.com, namespace: default}", ["spec.destinations[0].namespace"], "is not used by a dns destination; remove it" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: pod, name: web, ip: 10.0.0.1}", ["spec.destinations[0].ip"], "use kind ip for an address" },

        // Duplicates: the object's namespace stands in for a namespace left out; addresses compare by value.
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: pod, name: web, namespace: default}\n- {kind: ip, ip: 10.0.0.1}\n- {kind: pod, name: web}", ["spec.destinations[2]"], "repeats the destination of spec.destinations[0]; remove one" },
        { Nct, "layer: \"3\"\ndestinations:\n- {kind: ip, ip: \"fd00::1\"}\n- {kind: ip, ip: \"fd00:0::0:1\"}", ["spec.destinations[1]"], "repeats the destination" },

        // Traffic shaper.
        { Nts, "targets:\n- {name: web}", ["spec"], "set at least one of delay" },
        { Nts, "targets:\n- {name: web}\nloss: {percent: 0}", ["spec.loss.percent"], "use a value more than 0 and at most 100" },
        { Nts, "targets:\n- {name: web}\nloss: {percent: 101}", ["spec.loss.percent"], "at most 100" },
        { Nts, "targets:\n- {name: web}\nloss: {}", ["spec.loss.percent"], "is required" },
        { Nts, "targets:\n- {name: web}\nbandwidth: {rate: 10 mbit}", ["spec.bandwidth.rate"], "a rate such as 10mbit" },
        { Nts, "targets:\n- {name: web}\nbandwidth: {rate: 0mbit}", ["spec.bandwidth.rate"], "use a rate above zero" },
        { Nts, "targets:\n- {name: web, selector: {matchLabels: {app: web}}}\ndelay: {latency: 10ms}", ["spec.targets[0]"], "keep only one of name or selector" },
        { Nts, "targets:\n- {namespace: default}\ndelay: {latency: 10ms}", ["spec.targets[0]"], "needs one of name or selector" },
        { Nts, "targets: []\ndelay: {latency: 10ms}", ["spec.targets"], "add at least 1 entry" },
        { Nts, "targets:\n- {name: web}\n- {name: web, namespace: default}\ndelay: {latency: 10ms}", ["spec.targets[1]"], "repeats the pod of spec.targets[0]" },
        { Nts, "targets:\n- {name: web}\ndelay: {latency: 10ms, jitter: 20ms}", ["spec.delay.jitter"], "make it at most 10ms" },
        { Nts, "targets:\n- {name: web}\ndelay: {latency: 10ms, correlation: 25}", ["spec.delay.correlation"], "add jitter or remove the correlation" },
        { Nts, "targets:\n- {name: web}\ndelay: {jitter: 1ms}", ["spec.delay.latency"], "is required" },
        { Nts, "targets:\n- {name: web}\ndelay: {latency: 10ms}\ndirection: up", ["spec.direction"], "use one of \"egress\", \"ingress\", \"both\"" },
        { Nts, "targets:\n- {name: web}\ndelay: {latency: 10ms}\ndevice: a/b", ["spec.device"], "is not an interface name" },
        { Nts, "targets:\n- {name: web}\ndelay: {latency: 10ms}\nduration: 10 minutes", ["spec.duration"], "such as 1.5s, 200ms or 1m30s" },

        // Monitor.
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr]}\nthresholds:\n- {name: ddos, flow: udp-flow, value: 100}", ["spec.thresholds[0].flow"], "use one of \"tcp-flow\"" },
        { Nm, "thresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.thresholds[0].flow"], "define the flow in spec.flows or compare a metric instead" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr]}\nthresholds:\n- {name: ddos, flow: tcp-flow, metric: ifInOctets, value: 100}", ["spec.thresholds[0]"], "keep only one of flow or metric" },
        { Nm, "thresholds:\n- {name: ddos, value: 100}", ["spec.thresholds[0]"], "needs one of flow or metric" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr]}\n- {name: tcp-flow, keys: [dstAddr]}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.flows[1]"], "repeats the name of spec.flows[0]" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [ipsource]}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.flows[0].keys[0]"], "\"ipsource\" is not allowed; use one of \"agent\"" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr, srcAddr]}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.flows[0].keys[1]"], "repeats the key" },
        { Nm, "flows:\n- {name: tcp-flow, keys: []}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.flows[0].keys"], "add at least 1 entry" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr], value: bits}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 100}", ["spec.flows[0].value"], "use one of \"bytes\", \"packets\", \"frames\"" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr]}\nthresholds:\n- {name: ddos, flow: tcp-flow, value: 0}", ["spec.thresholds[0].value"], "use a value more than 0" },
        { Nm, "flows:\n- {name: tcp-flow, keys: [srcAddr]}\nthresholds:\n- {name: ddos, flow: tcp-flow}", ["spec.thresholds[0].value"], "is required" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1, byFlow: true}", ["spec.thresholds[0].byFlow"], "applies only to a threshold on a flow" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1, window: 500ms}", ["spec.thresholds[0].window"], "make it at least 1s" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1, channels: [pager]}", ["spec.thresholds[0].channels[0]"], "which spec.channels does not define" },
        { Nm, "thresholds: []", ["spec.thresholds"], "add at least 1 entry" },
        { Nm, "maxKeys: 0\nthresholds:\n- {name: errors, metric: ifInErrors, value: 1}", ["spec.maxKeys"], "use a value from 1 to 1000000" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1}\nchannels:\n- {name: ops}", ["spec.channels[0]"], "needs one of slack or webhook" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1}\nchannels:\n- {name: ops, slack: {webhookSecretRef: {name: s, key: url}}, webhook: {urlSecretRef: {name: s, key: url}}}", ["spec.channels[0]"], "keep only one of slack or webhook" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1}\nchannels:\n- {name: ops, slack: {webhookSecretRef: {name: slack}}}", ["spec.channels[0].slack.webhookSecretRef.key"], "is required" },
        { Nm, "thresholds:\n- {name: errors, metric: 1nErrors, value: 1}", ["spec.thresholds[0].metric"], "is not a metric name" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInBananas, value: 1}", ["spec.thresholds[0].metric"], "is not a metric; use an interface counter (ifInOctets" },
        { Nm, "thresholds:\n- {name: errors, metric: ifInErrors, value: 1, windowType: hopping}", ["spec.thresholds[0].windowType"], "use one of \"sliding\", \"tumbling\"" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"proto == tpc\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "at 10: \"tpc\" is not a value of proto; use a number (decimal, or hex as 0x800) or tcp, udp" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"srcadr == 10.0.0.1\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "at 1: expected a field, found \"srcadr\"; use one of agent, inIf" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"srcAddr == 10.0.0.0/8\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "write srcAddr in 10.0.0.0/8" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"(proto == tcp\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "expected ')' to close the parenthesis at 1" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"dstPort == 70000\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "70000 is too large for dstPort; use a number from 0 to 65535" },
        { Nm, "flows:\n- {name: f, keys: [srcAddr], filter: \"srcAddr > 10.0.0.1\"}\nthresholds:\n- {name: t, flow: f, value: 1}", ["spec.flows[0].filter"], "use ==, != or in with a prefix" },

        // Notification.
        { Nn, "threshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\"}", ["spec.monitor"], "is required" },
        { Nn, "monitor: m\nthreshold: ddos\nevent: {id: \"1\"}", ["spec.event.timestamp", "spec.event.value"], "is required" },
        { Nn, "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\", window: ten}", ["spec.event.window"], "such as 1.5s" },
        { Nn, "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\"}\nflowKey: {ipsource: 10.0.0.1}", ["spec.flowKey[ipsource]"], "is not a flow key field; use one of \"agent\"" },
        { Nn, "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 5, timestamp: \"2024-05-01T12:00:00Z\"}\ntopTalkers:\n- {flowKey: {srcAddr: 10.0.0.1}, value: 3}\n- {flowKey: {src: 10.0.0.2}, value: 2}", ["spec.topTalkers[1].flowKey[src]"], "is not a flow key field" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_InvalidObject_FailsAtTheExpectedPathsSayingHowToFixIt(string kind, string spec, string[] paths, string fragment)
    {
        var errors = ResourceValidator.Validate(ResourceYaml.Object(kind, spec));

        Assert.Equal(paths.Order(StringComparer.Ordinal), errors.Select(error => error.Path).Order(StringComparer.Ordinal));
        Assert.Contains(fragment, errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooManyDestinations_AsksToRemoveEntries()
    {
        var destinations = string.Concat(Enumerable.Range(1, 101).Select(i => $"\n- {{kind: ip, ip: 10.0.0.{i}}}"));

        var error = Assert.Single(ResourceValidator.Validate(ResourceYaml.Object("NetworkConnectivityTest", "layer: \"3\"\ndestinations:" + destinations)));

        Assert.Equal("spec.destinations", error.Path);
        Assert.Equal("has 101 entries; remove entries to have at most 100", error.Message);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnce()
    {
        var errors = ResourceValidator.Validate(ResourceYaml.Object(
            "NetworkConnectivityTest",
            "layer: \"4\"\ncount: 0\ndestinations:\n- {kind: ip}\n- {kind: dns, host: example.com, port: 99999}"));

        Assert.Equal(
            ["spec.count", "spec.destinations[0].ip", "spec.destinations[0].port", "spec.destinations[1].port"],
            errors.Select(error => error.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NotOurKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResourceValidator.Validate(new k8s.Models.V1Pod()));
    }
}
