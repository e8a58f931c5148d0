using k8s;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Deep copies through the API's own JSON form (KubernetesClient's serializer settings), so that a change is made on a
/// copy and never on an object the informer cache shares, and so that "did the change change anything" is a string compare.
/// </summary>
internal static class ResourceJson
{
    /// <summary>The object as the API server would receive it.</summary>
    public static string Serialize<T>(T resource) => KubernetesJson.Serialize(resource);

    /// <summary>A deep copy of an object from its <see cref="Serialize{T}"/> form.</summary>
    public static T Deserialize<T>(string json) =>
        KubernetesJson.Deserialize<T>(json) ?? throw new InvalidOperationException($"'{json}' is not a {typeof(T).Name}.");

    /// <summary>A deep copy of <paramref name="resource"/>, to change without touching the original.</summary>
    public static T Clone<T>(T resource) => Deserialize<T>(Serialize(resource));
}
