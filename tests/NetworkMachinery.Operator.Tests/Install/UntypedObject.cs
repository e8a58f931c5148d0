using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>An object of a kind the client has no model for (cert-manager's), with its spec as YAML maps and lists.</summary>
internal sealed class UntypedObject : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public Dictionary<object, object> Spec { get; set; } = [];
}
