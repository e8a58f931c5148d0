using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>One event as <see cref="RecordingHandler{T}"/> saw it.</summary>
public sealed record InformerEvent<T>(string Type, string Name, T? Previous, T Current)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public override string ToString() => $"{Type} {Name}@{Current.Metadata.ResourceVersion}";
}
