using System.Reflection;
using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Crds;

/// <summary>
/// Builds the apiextensions.k8s.io/v1 CustomResourceDefinition of each resource kind from its C# model: names and
/// short names from the class attributes, the OpenAPI v3 schema from the properties' attributes and doc comments,
/// the status subresource, and the printer columns. The checked-in manifests in deploy/helm/networkmachinery/crds are this output.
/// </summary>
public static class CustomResourceDefinitions
{
    /// <summary>The model class of every kind, in the order the manifests are written.</summary>
    public static IReadOnlyList<Type> Kinds { get; } =
    [
        typeof(V1Alpha1NetworkConnectivityTest),
        typeof(V1Alpha1NetworkTrafficShaper),
        typeof(V1Alpha1NetworkMonitor),
        typeof(V1Alpha1NetworkNotification),
    ];

    /// <summary>The definitions of every kind, in the order of <see cref="Kinds"/>.</summary>
    /// <returns>One definition per kind.</returns>
    public static IReadOnlyList<V1CustomResourceDefinition> BuildAll()
    {
        var builder = new SchemaBuilder(XmlDocumentation.For(typeof(CustomResourceDefinitions).Assembly));
        return Kinds.Select(kind => Build(kind, builder)).ToArray();
    }

    // The spec and status fields are declared once on the generic base, so their own comments are generic; the
    // kind's spec and status classes say what they hold.
    private static V1JSONSchemaProps RootSchema(Type kind, SchemaBuilder schemas)
    {
        var root = schemas.ForObject(kind, schemas.Documentation.OfType(kind));
        foreach (var part in new[] { "spec", "status" })
        {
            var type = ModelProperties.Of(kind).Single(property => property.Name == part).Type;
            root.Properties[part].Description = schemas.Documentation.OfType(type);
        }

        return root;
    }

    private static V1CustomResourceDefinition Build(Type kind, SchemaBuilder schemas)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{kind.Name} needs a [KubernetesEntity].");
        return new V1CustomResourceDefinition
        {
            ApiVersion = V1CustomResourceDefinition.KubeGroup + "/" + V1CustomResourceDefinition.KubeApiVersion,
            Kind = V1CustomResourceDefinition.KubeKind,
            Metadata = new V1ObjectMeta { Name = entity.PluralName + "." + entity.Group },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = kind.GetCustomAttribute<ShortNamesAttribute>()?.Names.ToList(),
                    Categories = [NetworkMachineryApi.Category],
                },
                Scope = "Namespaced",
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = RootSchema(kind, schemas) },
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        AdditionalPrinterColumns = kind.GetCustomAttributes<PrinterColumnAttribute>()
                            .Select(column => new V1CustomResourceColumnDefinition
                            {
                                Name = column.Name,
                                JsonPath = column.JsonPath,
                                Type = column.Type,
                                Description = column.Description,
                                Priority = column.Priority == 0 ? null : column.Priority,
                            })
                            .ToList(),
                    },
                ],
            },
        };
    }
}
