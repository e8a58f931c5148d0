using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>Standard status conditions, set the way the API conventions ask: lastTransitionTime moves only when the status changes.</summary>
public static class Conditions
{
    /// <summary>Sets the condition <paramref name="type"/> of <paramref name="conditions"/> (adding it when missing).</summary>
    /// <param name="conditions">The status's list.</param>
    /// <param name="type">The condition type.</param>
    /// <param name="status"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
    /// <param name="reason">A CamelCase reason.</param>
    /// <param name="message">A sentence for people.</param>
    /// <param name="generation">The metadata.generation the condition describes.</param>
    /// <param name="now">The time of a transition.</param>
    public static void Set(IList<V1Condition> conditions, string type, string status, string reason, string message, long generation, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(new V1Condition { Type = type, Status = status, Reason = reason, Message = message, LastTransitionTime = now, ObservedGeneration = generation });
            return;
        }

        if (existing.Status != status)
        {
            existing.LastTransitionTime = now;
        }

        (existing.Status, existing.Reason, existing.Message, existing.ObservedGeneration) = (status, reason, message, generation);
    }
}
