using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Connectivity.Runs;

/// <summary>
/// Sets a connectivity test's three conditions together: the one that holds True, the others False (or all three
/// Unknown while a run is in flight). A condition's lastTransitionTime moves only when its status changes.
/// </summary>
public static class TestConditions
{
    private static readonly string[] Types =
        [NetworkConnectivityTestConditions.Succeeded, NetworkConnectivityTestConditions.Failed, NetworkConnectivityTestConditions.Degraded];

    /// <summary>Sets <paramref name="holding"/> True and the other two False, or all three Unknown when it is null.</summary>
    public static void Set(IList<V1Condition> conditions, string? holding, string reason, string message, long generation, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var type in Types)
        {
            Conditions.Set(conditions, type, holding is null ? "Unknown" : type == holding ? "True" : "False", reason, message, generation, now);
        }
    }
}
