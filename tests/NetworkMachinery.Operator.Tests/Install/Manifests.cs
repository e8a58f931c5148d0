using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>Rendered manifests as Kubernetes objects, read strictly: a field the API does not know fails the read.</summary>
internal sealed class Manifests
{
    // cert-manager's kinds are not in the client's models; their spec is read untyped.
    private static readonly Dictionary<string, Type> ExtraKinds = new(StringComparer.Ordinal)
    {
        ["cert-manager.io/v1/Certificate"] = typeof(UntypedObject),
        ["cert-manager.io/v1/Issuer"] = typeof(UntypedObject),
    };

    public Manifests(string yaml)
    {
        Objects = [.. KubernetesYaml.LoadAllFromString(yaml, ExtraKinds, strict: true).Cast<IKubernetesObject<V1ObjectMeta>>()];
    }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> => Assert.Single(All<T>(), o => o.Metadata.Name == name);

    public UntypedObject SingleOfKind(string kind) => Assert.Single(All<UntypedObject>(), o => o.Kind == kind);

    public bool Contains(string kind, string name) => Objects.Any(o => o.Kind == kind && o.Metadata.Name == name);
}
