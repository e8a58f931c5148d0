using System.Globalization;
using k8s.Models;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using Kind = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Kind;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>
/// Turns a valid connectivity test into its sources and the addresses it probes, as the cluster is now: a pod's
/// addresses, a service's ClusterIP and every ready endpoint (with the service port mapped to each endpoint's target
/// port), a node's internal address. What cannot be resolved becomes an entry with the reason, so the status says
/// why rather than leaving the destination out; one bad destination never hides the others.
/// </summary>
public static class TestResolver
{
    private const string Host = "host";

    /// <summary>Resolves <paramref name="test"/>, which must have passed validation.</summary>
    public static ResolvedTest Resolve(V1Alpha1NetworkConnectivityTest test, IClusterView cluster)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(cluster);
        var @namespace = test.Metadata.NamespaceProperty ?? "default";
        var layer4 = test.Spec.Layer == ConnectivityLayer.Transport;
        return new ResolvedTest(
            Sources(test.Spec.Source, @namespace, cluster),
            [.. test.Spec.Destinations.SelectMany(destination => Targets(destination, @namespace, layer4, cluster))]);
    }

    private static List<ResolvedSource> Sources(ConnectivitySource? source, string testNamespace, IClusterView cluster)
    {
        if (source is null)
        {
            return [new ResolvedSource(Host, new ProbeResult.Types.Source { Host = true }, "", null)];
        }

        if (source.Node is { } node)
        {
            var found = cluster.GetNode(node);
            var address = found is null ? null : NodeAddress(found);
            return [new ResolvedSource($"node/{node}", new ProbeResult.Types.Source { Host = true, Node = node, Address = address ?? "" }, "", found is null ? $"node {node} not found" : null)];
        }

        var @namespace = source.Namespace ?? testNamespace;
        if (source.Name is { } name)
        {
            return [FromPod(cluster.GetPod(@namespace, name), @namespace, name, source.Container)];
        }

        var pods = cluster.ListPods(@namespace, source.Selector!);
        return pods.Count == 0
            ? [new ResolvedSource($"{@namespace}/<selector>", new ProbeResult.Types.Source { PodNamespace = @namespace }, "", $"the source selector matches no pod in namespace {@namespace}")]
            : [.. pods.OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal).Select(pod => FromPod(pod, @namespace, pod.Metadata.Name, source.Container))];
    }

    private static ResolvedSource FromPod(V1Pod? pod, string @namespace, string name, string? container)
    {
        var source = new ProbeResult.Types.Source { PodNamespace = @namespace, PodName = name, Container = container ?? "" };
        var display = $"{@namespace}/{name}";
        if (pod is null)
        {
            return new ResolvedSource(display, source, "", $"pod {display} not found");
        }

        source.Node = pod.Spec?.NodeName ?? "";
        source.Address = pod.Status?.PodIP ?? "";
        var error = pod.Status?.PodIP is null
            ? $"pod {display} has no address yet (phase {pod.Status?.Phase ?? "unknown"})"
            : string.IsNullOrEmpty(source.Node) ? $"pod {display} is not scheduled to a node" : null;
        return new ResolvedSource(display, source, pod.Metadata.Uid ?? "", error);
    }

    private static IEnumerable<ResolvedTarget> Targets(ConnectivityDestination destination, string testNamespace, bool layer4, IClusterView cluster)
    {
        var @namespace = destination.Namespace ?? testNamespace;
        var port = layer4 ? destination.Port?.Value : null;
        var protocol = !layer4 ? Protocol.Unspecified : destination.Protocol switch
        {
            TransportProtocol.Udp => Protocol.Udp,
            TransportProtocol.Http => Protocol.Http,
            TransportProtocol.Https => Protocol.Https,
            _ => Protocol.Tcp,
        };
        return Resolve(destination, @namespace, port, protocol, cluster).Select(target => WithRequest(target, destination));
    }

    // HTTP and HTTPS targets carry what to request; the rest is the same as for TCP.
    private static ResolvedTarget WithRequest(ResolvedTarget target, ConnectivityDestination destination)
    {
        if (target.Target is { Protocol: Protocol.Http or Protocol.Https } probed)
        {
            probed.HttpPath = destination.Path ?? "/";
            probed.InsecureSkipTlsVerify = destination.InsecureSkipTLSVerify == true;
        }

        return target;
    }

    private static IEnumerable<ResolvedTarget> Resolve(ConnectivityDestination destination, string @namespace, string? port, Protocol protocol, IClusterView cluster)
    {
        switch (destination.Kind)
        {
            case DestinationKind.Ip:
                yield return Target($"ip/{destination.Ip}", Kind.Ip, "", destination.Ip!, destination.Ip!, Number(port), protocol);
                break;
            case DestinationKind.Dns:
                yield return Target($"dns/{destination.Host}", Kind.Dns, "", destination.Host!, "", Number(port), protocol);
                break;
            case DestinationKind.Node:
                var node = cluster.GetNode(destination.Name!);
                var nodeAddress = node is null ? null : NodeAddress(node);
                yield return nodeAddress is null
                    ? Failed($"node/{destination.Name}", Kind.Node, "", destination.Name!, node is null ? $"node {destination.Name} not found" : $"node {destination.Name} has no address")
                    : Target($"node/{destination.Name}", Kind.Node, "", destination.Name!, nodeAddress, Number(port), protocol);
                break;
            case DestinationKind.Pod:
                foreach (var target in PodTargets(destination.Name!, @namespace, port, protocol, cluster))
                {
                    yield return target;
                }

                break;
            case DestinationKind.Service:
                foreach (var target in ServiceTargets(destination.Name!, @namespace, port, protocol, cluster))
                {
                    yield return target;
                }

                break;
        }
    }

    private static IEnumerable<ResolvedTarget> PodTargets(string name, string @namespace, string? port, Protocol protocol, IClusterView cluster)
    {
        var display = $"pod/{@namespace}/{name}";
        var pod = cluster.GetPod(@namespace, name);
        if (pod is null)
        {
            yield return Failed(display, Kind.Pod, @namespace, name, $"pod {@namespace}/{name} not found");
            yield break;
        }

        var addresses = pod.Status?.PodIPs?.Select(ip => ip.Ip).ToList() is { Count: > 0 } ips ? ips : pod.Status?.PodIP is { } ip ? [ip] : [];
        if (addresses.Count == 0)
        {
            yield return Failed(display, Kind.Pod, @namespace, name, $"pod {@namespace}/{name} has no address yet (phase {pod.Status?.Phase ?? "unknown"})");
            yield break;
        }

        var number = port is null ? 0 : int.TryParse(port, CultureInfo.InvariantCulture, out var n) ? n : ContainerPort(pod, port);
        if (number == 0 && port is not null)
        {
            yield return Failed(display, Kind.Pod, @namespace, name, $"pod {@namespace}/{name} has no container port named '{port}'");
            yield break;
        }

        foreach (var address in addresses)
        {
            yield return Target(display, Kind.Pod, @namespace, name, address, number, protocol);
        }
    }

    private static IEnumerable<ResolvedTarget> ServiceTargets(string name, string @namespace, string? port, Protocol protocol, IClusterView cluster)
    {
        var display = $"service/{@namespace}/{name}";
        var service = cluster.GetService(@namespace, name);
        if (service is null)
        {
            yield return Failed(display, Kind.Service, @namespace, name, $"service {@namespace}/{name} not found");
            yield break;
        }

        // The destination's port names a port of the service (by number or name); a number the service does not list
        // is probed as it is, on the ClusterIP and on every endpoint.
        var servicePort = port is null ? null : service.Spec?.Ports?.FirstOrDefault(p => p.Port.ToString(CultureInfo.InvariantCulture) == port || p.Name == port);
        var clusterPort = servicePort?.Port ?? Number(port);
        if (port is not null && servicePort is null && clusterPort == 0)
        {
            yield return Failed(display, Kind.Service, @namespace, name, $"service {@namespace}/{name} has no port named '{port}'");
            yield break;
        }

        var endpoints = cluster.GetReadyEndpoints(@namespace, name);
        var clusterIps = (service.Spec?.ClusterIPs ?? (service.Spec?.ClusterIP is { } single ? [single] : [])).Where(ip => ip is not ("" or "None")).ToList();
        if (clusterIps.Count == 0 && endpoints.Count == 0)
        {
            yield return Failed(display, Kind.Service, @namespace, name, $"service {@namespace}/{name} has no ClusterIP and no ready endpoint");
            yield break;
        }

        foreach (var clusterIp in clusterIps)
        {
            yield return Target(display, Kind.Service, @namespace, name, clusterIp, clusterPort, protocol);
        }

        foreach (var endpoint in endpoints)
        {
            var endpointPort = port is null ? 0 : EndpointPort(endpoint, servicePort, clusterPort);
            yield return endpointPort is null
                ? Failed(display, Kind.Service, @namespace, name, $"endpoint {endpoint.Address} of service {@namespace}/{name} serves no port for '{port}'")
                : Target(display, Kind.Service, @namespace, name, endpoint.Address, endpointPort.Value, protocol);
        }
    }

    // The endpoint's port for the service port: by the service port's name, else its numeric targetPort, else the
    // number the test gave.
    private static int? EndpointPort(ServiceEndpoint endpoint, V1ServicePort? servicePort, int fallback)
    {
        if (servicePort is null)
        {
            return fallback;
        }

        if (endpoint.Ports.TryGetValue(servicePort.Name ?? "", out var named))
        {
            return named.Port;
        }

        return int.TryParse(servicePort.TargetPort?.Value, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static int ContainerPort(V1Pod pod, string name) =>
        pod.Spec?.Containers?.SelectMany(c => c.Ports ?? []).FirstOrDefault(p => p.Name == name)?.ContainerPort ?? 0;

    private static string? NodeAddress(V1Node node) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address ?? node.Status?.Addresses?.FirstOrDefault()?.Address;

    private static int Number(string? port) => port is not null && int.TryParse(port, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static ResolvedTarget Target(string display, Kind kind, string @namespace, string name, string address, int port, Protocol protocol) =>
        new(display, new ProbeResult.Types.Destination { Kind = kind, Namespace = @namespace, Name = name, Address = address, Port = (uint)port, Protocol = protocol }, null);

    private static ResolvedTarget Failed(string display, Kind kind, string @namespace, string name, string error) =>
        new(display, new ProbeResult.Types.Destination { Kind = kind, Namespace = @namespace, Name = name }, error);
}
