using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Validation;

/// <summary>The rules of a NetworkNotification: its schema, and flow keys made of the fields flows can be keyed by.</summary>
public static class NetworkNotificationValidator
{
    // The fields a monitor's flows can be keyed by, as MonitorFlow.Keys declares them.
    private static readonly IReadOnlyList<string> FlowKeys =
        ModelProperties.Of(typeof(MonitorFlow)).Single(property => property.PropertyName == nameof(MonitorFlow.Keys)).AllowedValues!;

    /// <summary>Everything wrong with <paramref name="notification"/>; empty when it is valid.</summary>
    /// <param name="notification">The object as created or updated.</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    public static IReadOnlyList<FieldError> Validate(V1Alpha1NetworkNotification notification)
    {
        var errors = new List<FieldError>();
        var spec = notification.Spec;
        SchemaRules.Check(spec, "spec", errors);
        CheckFlowKey(spec.FlowKey, "spec.flowKey", errors);
        for (var i = 0; i < spec.TopTalkers.Count; i++)
        {
            CheckFlowKey(spec.TopTalkers[i].FlowKey, $"spec.topTalkers[{i}].flowKey", errors);
        }

        return errors;
    }

    private static void CheckFlowKey(IDictionary<string, string> key, string at, List<FieldError> errors)
    {
        foreach (var field in key.Keys.Where(field => !FlowKeys.Contains(field, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError($"{at}[{field}]", $"\"{field}\" is not a flow key field; use one of {SchemaRules.Quote(FlowKeys)}"));
        }
    }
}
