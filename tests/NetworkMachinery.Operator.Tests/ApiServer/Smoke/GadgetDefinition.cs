using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.ApiServer.Smoke;

/// <summary>
/// A tiny namespaced custom resource for the smoke tests: <c>gadgets.smoke.networkmachinery.io</c>, kind Gadget, with a
/// schema (<c>spec.size</c>, an integer of at least 1, required) and a status subresource.
/// </summary>
public static class GadgetDefinition
{
    public const string Group = "smoke.networkmachinery.io";
    public const string Version = "v1";
    public const string Plural = "gadgets";
    public const string Kind = "Gadget";
    public const string Namespace = "default";
    public const string Name = $"{Plural}.{Group}";

    private static readonly TimeSpan EstablishTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static V1CustomResourceDefinition Definition() => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta { Name = Name },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Plural = Plural, Singular = "gadget", Kind = Kind },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = Version,
                    Served = true,
                    Storage = true,
                    Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps
                        {
                            Type = "object",
                            Properties = new Dictionary<string, V1JSONSchemaProps>
                            {
                                ["spec"] = new()
                                {
                                    Type = "object",
                                    Required = ["size"],
                                    Properties = new Dictionary<string, V1JSONSchemaProps> { ["size"] = new() { Type = "integer", Minimum = 1 } },
                                },
                                ["status"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps> { ["phase"] = new() { Type = "string" } },
                                },
                            },
                        },
                    },
                },
            ],
        },
    };

    /// <summary>Creates the definition unless it exists, and returns it once it is Established (its API is served).</summary>
    public static async Task<V1CustomResourceDefinition> InstallAsync(IKubernetes client)
    {
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Definition());
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Another test of the collection installed it.
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var current = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(Name);
            if (IsTrue(current, "Established"))
            {
                return current;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < EstablishTimeout, $"{Name} did not become Established within {EstablishTimeout.TotalSeconds:0} s");
            await Task.Delay(PollInterval);
        }
    }

    public static bool IsTrue(V1CustomResourceDefinition definition, string condition) =>
        definition.Status?.Conditions?.Any(c => c.Type == condition && c.Status == "True") == true;

    public static Task<Gadget> CreateAsync(IKubernetes client, Gadget gadget) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<Gadget>(gadget, Group, Version, Namespace, Plural);

    public static Task<Gadget> GetAsync(IKubernetes client, string name) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<Gadget>(Group, Version, Namespace, Plural, name);

    /// <summary>A JSON merge patch of the main resource.</summary>
    public static Task<Gadget> PatchAsync(IKubernetes client, string name, object patch) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<Gadget>(new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, Version, Namespace, Plural, name);

    /// <summary>A JSON merge patch of the status subresource.</summary>
    public static Task<Gadget> PatchStatusAsync(IKubernetes client, string name, object patch) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<Gadget>(new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, Version, Namespace, Plural, name);
}
