using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>The <see cref="ModelProperty"/>s of a resource model type, read by reflection once per type.</summary>
public static class ModelProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ModelProperty>> Cache = new();

    /// <summary>The serialized properties of <paramref name="type"/>, ordered by JSON name as <c>kubectl explain</c> lists them.</summary>
    /// <param name="type">A resource model class.</param>
    /// <returns>Its public instance properties that carry a JSON name.</returns>
    public static IReadOnlyList<ModelProperty> Of(Type type) => Cache.GetOrAdd(type, Read);

    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2070",
        Justification = "The operator is not trimmed: KubernetesClient serializes these same models with reflection-based System.Text.Json, which needs every public property kept.")]
    private static IReadOnlyList<ModelProperty> Read(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => new ModelProperty(property))
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .ToArray();
}
