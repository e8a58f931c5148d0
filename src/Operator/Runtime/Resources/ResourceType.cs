using System.Reflection;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Where a kind of object lives in the API: its group (empty for the core group), version and plural resource name,
/// read from the <see cref="KubernetesEntityAttribute"/> that every KubernetesClient model and our custom resources carry.
/// </summary>
/// <param name="Group">The API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">The API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Plural">The plural resource name in URLs, e.g. <c>configmaps</c>.</param>
/// <param name="Kind">The kind, e.g. <c>ConfigMap</c>.</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind)
{
    /// <summary>The <c>apiVersion</c> of the objects: <c>group/version</c>, or the version alone for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource type of <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> has no complete <see cref="KubernetesEntityAttribute"/>.</exception>
    public static ResourceType Of<T>() => Cached<T>.Value;

    /// <summary><c>plural.group</c> (as kubectl names a resource), or the plural alone for the core group; a bounded metric label.</summary>
    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    private static class Cached<T>
    {
        public static readonly ResourceType Value = Read(typeof(T));

        private static ResourceType Read(Type type)
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
                ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute, so its API path is unknown.");
            if (string.IsNullOrEmpty(entity.ApiVersion) || string.IsNullOrEmpty(entity.PluralName) || string.IsNullOrEmpty(entity.Kind))
            {
                throw new InvalidOperationException($"{type.Name}'s [KubernetesEntity] needs ApiVersion, PluralName and Kind.");
            }

            return new ResourceType(entity.Group ?? string.Empty, entity.ApiVersion, entity.PluralName, entity.Kind);
        }
    }
}
