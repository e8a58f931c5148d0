using k8s.Models;

namespace NetworkMachinery.Operator.Crds;

/// <summary>
/// Schemas of the Kubernetes types the resources embed, written out as the upstream API defines them (their
/// KubernetesClient models carry no validation attributes to read).
/// </summary>
internal static class KnownSchemas
{
    private const string ConditionTypePattern = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";
    private const string ConditionReasonPattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

    /// <summary>A metav1.LabelSelector: matchLabels ANDed with matchExpressions; empty selects everything.</summary>
    public static V1JSONSchemaProps LabelSelector(string description) => new()
    {
        Type = "object",
        Description = description,
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["matchExpressions"] = new()
            {
                Type = "array",
                Description = "Label selector requirements, ANDed.",
                Items = new V1JSONSchemaProps
                {
                    Type = "object",
                    Description = "A selector that contains values, a key, and an operator that relates the key and values.",
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["key"] = String("The label key that the selector applies to."),
                        ["operator"] = new()
                        {
                            Type = "string",
                            Description = "How the key relates to the values: In, NotIn, Exists or DoesNotExist.",
                            EnumProperty = ["In", "NotIn", "Exists", "DoesNotExist"],
                        },
                        ["values"] = new()
                        {
                            Type = "array",
                            Description = "The values: non-empty for In and NotIn, empty for Exists and DoesNotExist.",
                            Items = new V1JSONSchemaProps { Type = "string" },
                        },
                    },
                    Required = ["key", "operator"],
                },
            },
            ["matchLabels"] = new()
            {
                Type = "object",
                Description = "Labels a selected object must carry, each key with exactly this value.",
                AdditionalProperties = new V1JSONSchemaProps { Type = "string" },
            },
        },
        XKubernetesMapType = "atomic",
    };

    /// <summary>A list of metav1.Condition, one per type (a list map keyed by type, so that server-side apply merges by type).</summary>
    public static V1JSONSchemaProps Conditions(string description) => new()
    {
        Type = "array",
        Description = description,
        Items = new V1JSONSchemaProps
        {
            Type = "object",
            Description = "One aspect of the current state of the object.",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["lastTransitionTime"] = new()
                {
                    Type = "string",
                    Format = "date-time",
                    Description = "When the condition last changed from one status to another.",
                },
                ["message"] = new()
                {
                    Type = "string",
                    MaxLength = 32768,
                    Description = "Details about the transition, for people.",
                },
                ["observedGeneration"] = new()
                {
                    Type = "integer",
                    Format = "int64",
                    Minimum = 0,
                    Description = "The metadata.generation the condition was set for.",
                },
                ["reason"] = new()
                {
                    Type = "string",
                    MinLength = 1,
                    MaxLength = 1024,
                    Pattern = ConditionReasonPattern,
                    Description = "Why the condition last changed, as a CamelCase word for programs.",
                },
                ["status"] = new()
                {
                    Type = "string",
                    EnumProperty = ["True", "False", "Unknown"],
                    Description = "True, False or Unknown.",
                },
                ["type"] = new()
                {
                    Type = "string",
                    MaxLength = 316,
                    Pattern = ConditionTypePattern,
                    Description = "The condition's type, in CamelCase.",
                },
            },
            Required = ["lastTransitionTime", "message", "reason", "status", "type"],
        },
        XKubernetesListType = "map",
        XKubernetesListMapKeys = ["type"],
    };

    /// <summary>
    /// Object metadata, whose schema the API server supplies: a CRD may only say that it is an object (the API server
    /// refuses anything more, a description included, with "must not specify anything other than name and generateName").
    /// </summary>
    public static V1JSONSchemaProps ObjectMeta() => new() { Type = "object" };

    private static V1JSONSchemaProps String(string description) => new() { Type = "string", Description = description };
}
