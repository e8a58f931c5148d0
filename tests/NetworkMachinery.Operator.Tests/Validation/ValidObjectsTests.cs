using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Tests.Validation;

/// <summary>Objects at the edges of the rules that must pass: a validator that refuses too much is as wrong as one that refuses too little.</summary>
public sealed class ValidObjectsTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        // The original README's example: container: "" means no container.
        { "NetworkConnectivityTest", "layer: \"3\"\nsource: {name: demo-pod-1, namespace: default, container: \"\"}\ndestinations:\n- {kind: pod, name: demo-pod-2, namespace: default}" },
        // No source: from a node's host network; IPv6 and IPv4 addresses; a node; a DNS name with a final dot.
        { "NetworkConnectivityTest", "layer: \"3\"\ndestinations:\n- {kind: ip, ip: \"fd00::1\"}\n- {kind: ip, ip: 0.0.0.0}\n- {kind: node, name: worker-1}\n- {kind: dns, host: Example.COM.}" },
        // A node source; the same pod twice on two ports is two destinations; a service port by name; UDP.
        { "NetworkConnectivityTest", "layer: \"4\"\nsource: {node: worker-1}\ndestinations:\n- {kind: pod, name: web, port: 80}\n- {kind: pod, name: web, port: 443}\n- {kind: service, name: api, port: http}\n- {kind: ip, ip: 10.0.0.1, port: 53, protocol: UDP}" },
        // HTTP with a path and query, HTTPS to a self-signed server; a DNS name over HTTP.
        { "NetworkConnectivityTest", "layer: \"4\"\ndestinations:\n- {kind: service, name: api, port: 80, protocol: HTTP, path: \"/healthz?full=1\"}\n- {kind: ip, ip: 10.0.0.1, port: 443, protocol: HTTPS, insecureSkipTLSVerify: true}\n- {kind: dns, host: example.com, port: 80, protocol: HTTP}" },
        // Path MTU with jumbo payloads at layer 3; no payload at all.
        { "NetworkConnectivityTest", "layer: \"3\"\npathMTU: true\npayloadSize: 8972\ndestinations:\n- {kind: ip, ip: 10.0.0.1}" },
        { "NetworkConnectivityTest", "layer: \"3\"\npayloadSize: 0\ndestinations:\n- {kind: ip, ip: 10.0.0.1}" },
        // The same pod name in two namespaces is two pods.
        { "NetworkConnectivityTest", "layer: \"3\"\ndestinations:\n- {kind: pod, name: web}\n- {kind: pod, name: web, namespace: other}" },
        // A selector source with every operator; a schedule exactly one run long ((3 - 1) x 1s + 5s).
        { "NetworkConnectivityTest", "layer: \"3\"\nsource: {selector: {matchLabels: {app.kubernetes.io/name: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: canary, operator: DoesNotExist}]}}\nschedule: {every: 7s}\nexpect: Unreachable\ndestinations:\n- {kind: ip, ip: 10.0.0.1}" },
        // Boundaries: count 1 and 100, interval 10ms, timeout 1ms.
        { "NetworkConnectivityTest", "layer: \"3\"\ncount: 100\ninterval: 10ms\ntimeout: 1ms\ndestinations:\n- {kind: ip, ip: 10.0.0.1}" },
        // Every kind of shaping at once, jitter equal to the latency, loss of exactly 100.
        { "NetworkTrafficShaper", "targets:\n- {name: web}\n- {selector: {matchLabels: {app: demo}}, namespace: other}\ndevice: veth0@if2\ndirection: both\ndelay: {latency: 100ms, jitter: 100ms, correlation: 25}\nloss: {percent: 100, correlation: 0}\nbandwidth: {rate: 1.5mbit}\nduration: 1h" },
        // A metric threshold needs no flows; a webhook channel with its HMAC key; a threshold naming its channel.
        { "NetworkMonitor", "thresholds:\n- {name: errors, metric: ifInErrors, value: 0.5, channels: [hook]}\nchannels:\n- {name: hook, webhook: {urlSecretRef: {name: hook, key: url}, hmacSecretRef: {name: hook, key: hmac.key}}}" },
        { "NetworkNotification", "monitor: m\nthreshold: ddos\nevent: {id: \"1\", value: 0, timestamp: \"2024-05-01T12:00:00Z\"}\nflowKey: {srcAddr: 10.0.0.1, dstPort: \"443\"}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ValidObject_HasNoErrors(string kind, string spec)
    {
        Assert.Empty(ResourceValidator.Validate(ResourceYaml.Object(kind, spec)));
    }
}
