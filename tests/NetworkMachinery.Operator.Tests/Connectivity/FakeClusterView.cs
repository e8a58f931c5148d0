using k8s.Models;
using NetworkMachinery.Operator.Connectivity.Resolution;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>A cluster held in lists, for resolving tests without an API server.</summary>
internal sealed class FakeClusterView : IClusterView
{
    public List<V1Pod> Pods { get; } = [];

    public List<V1Service> Services { get; } = [];

    public Dictionary<string, List<ServiceEndpoint>> Endpoints { get; } = [];

    public List<V1Node> Nodes { get; } = [];

    public V1Pod? GetPod(string @namespace, string name) => Pods.FirstOrDefault(p => p.Metadata.NamespaceProperty == @namespace && p.Metadata.Name == name);

    public IReadOnlyList<V1Pod> ListPods(string @namespace, V1LabelSelector selector) =>
        [.. Pods.Where(p => p.Metadata.NamespaceProperty == @namespace && LabelSelectors.Matches(selector, p.Metadata.Labels))];

    public V1Service? GetService(string @namespace, string name) => Services.FirstOrDefault(s => s.Metadata.NamespaceProperty == @namespace && s.Metadata.Name == name);

    public IReadOnlyList<ServiceEndpoint> GetReadyEndpoints(string @namespace, string service) => Endpoints.GetValueOrDefault($"{@namespace}/{service}") ?? [];

    public V1Node? GetNode(string name) => Nodes.FirstOrDefault(n => n.Metadata.Name == name);

    public FakeClusterView Pod(string @namespace, string name, string? ip, string app = "", string node = "node-a", params (string Name, int Port)[] ports)
    {
        Pods.Add(new V1Pod
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = @namespace, Name = name, Uid = $"uid-{name}", Labels = new Dictionary<string, string> { ["app"] = app } },
            Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Ports = [.. ports.Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.Port })] }] },
            Status = ip is null ? new V1PodStatus { Phase = "Pending" } : new V1PodStatus { Phase = "Running", PodIP = ip },
        });
        return this;
    }

    public FakeClusterView Service(string @namespace, string name, string clusterIp, V1ServicePort port, params ServiceEndpoint[] endpoints)
    {
        Services.Add(new V1Service { Metadata = new V1ObjectMeta { NamespaceProperty = @namespace, Name = name }, Spec = new V1ServiceSpec { ClusterIP = clusterIp, Ports = [port] } });
        Endpoints[$"{@namespace}/{name}"] = [.. endpoints];
        return this;
    }
}
