using System.Diagnostics;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// <c>widgets.runtimetest.networkmachinery.io</c>: a namespaced custom resource with a status subresource, so that
/// generations move only with the spec, as for the operator's own kinds.
/// </summary>
public static class WidgetDefinition
{
    public const string Group = "runtimetest.networkmachinery.io";
    public const string Version = "v1";

    private const string Manifest = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.runtimetest.networkmachinery.io" },
          "spec": {
            "group": "runtimetest.networkmachinery.io",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget" },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "schema": { "openAPIV3Schema": { "type": "object", "properties": {
                "spec": { "type": "object", "properties": { "color": { "type": "string" } } },
                "status": { "type": "object", "properties": {
                  "observedGeneration": { "type": "integer" }, "message": { "type": "string" } } } } } }
            }]
          }
        }
        """;

    /// <summary>Installs the definition unless it is there, and waits until its API is served (Established).</summary>
    public static async Task InstallAsync(IKubernetes client)
    {
        var definition = KubernetesJson.Deserialize<V1CustomResourceDefinition>(Manifest);
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(definition);
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            // Installed by an earlier test of the collection.
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var current = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(definition.Metadata.Name);
            if (current.Status?.Conditions?.Any(c => c is { Type: "Established", Status: "True" }) == true)
            {
                return;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "The Widget definition was not Established within 30 s.");
            await Task.Delay(100);
        }
    }
}
