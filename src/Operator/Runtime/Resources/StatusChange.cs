using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>A status write as <see cref="StatusExtensions.ChangeStatusAsync"/> made it.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Before">The object the change was applied to (the last read, fresh after a conflict).</param>
/// <param name="After">The object as written, or <paramref name="Before"/> when the change changed nothing.</param>
public sealed record StatusChange<T>(T Before, T After)
    where T : class, IKubernetesObject<V1ObjectMeta>;
