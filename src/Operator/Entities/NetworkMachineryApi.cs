namespace NetworkMachinery.Operator.Entities;

/// <summary>The API group and version every Network Machinery custom resource belongs to.</summary>
public static class NetworkMachineryApi
{
    /// <summary>The API group: <c>networkmachinery.io</c>.</summary>
    public const string Group = "networkmachinery.io";

    /// <summary>The one served and stored version: <c>v1alpha1</c>.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> of every object: <c>networkmachinery.io/v1alpha1</c>.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>The category every kind belongs to, so <c>kubectl get networkmachinery</c> lists them all.</summary>
    public const string Category = "networkmachinery";
}
