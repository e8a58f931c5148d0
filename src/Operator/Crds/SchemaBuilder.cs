using System.Globalization;
using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Crds;

/// <summary>Builds the OpenAPI v3 schema of a resource model from its <see cref="ModelProperty"/>s and doc comments.</summary>
internal sealed class SchemaBuilder(XmlDocumentation documentation)
{
    /// <summary>The doc comments the descriptions come from.</summary>
    public XmlDocumentation Documentation => documentation;

    /// <summary>The schema of one of the resources' own classes.</summary>
    public V1JSONSchemaProps ForObject(Type type, string description)
    {
        var properties = ModelProperties.Of(type);
        var required = properties.Where(property => property.IsRequired).Select(property => property.Name).ToList();
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = description,
            Properties = properties.ToDictionary(property => property.Name, ForProperty, StringComparer.Ordinal),
            Required = required.Count > 0 ? required : null,
        };
    }

    private V1JSONSchemaProps ForProperty(ModelProperty property)
    {
        var description = documentation.OfProperty(property.DeclaringType, property.PropertyName);
        var schema = property.Shape switch
        {
            ValueShape.List when ValueShapes.Of(property.ElementType!) == ValueShape.Condition => KnownSchemas.Conditions(description),
            ValueShape.List => new V1JSONSchemaProps
            {
                Type = "array",
                Description = description,
                Items = ForListItem(property),
                MinItems = property.MinSize,
                MaxItems = property.MaxSize,
            },
            ValueShape.Map => new V1JSONSchemaProps
            {
                Type = "object",
                Description = description,
                AdditionalProperties = new V1JSONSchemaProps { Type = "string" },
                MinProperties = property.MinSize,
                MaxProperties = property.MaxSize,
            },
            _ => ForValue(property.Type, description),
        };

        if (property.Shape == ValueShape.String)
        {
            ApplyStringConstraints(schema, property);
            schema.MinLength = property.MinSize;
            schema.MaxLength = property.MaxSize;
        }

        if (property.Range is { } range)
        {
            var minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            var maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
            schema.Minimum = minimum;
            schema.ExclusiveMinimum = range.MinimumIsExclusive ? true : null;
            schema.Maximum = maximum < double.MaxValue ? maximum : null;
            schema.ExclusiveMaximum = range.MaximumIsExclusive ? true : null;
        }

        schema.DefaultProperty = property.Default;
        return schema;
    }

    private V1JSONSchemaProps ForListItem(ModelProperty list)
    {
        var element = list.ElementType!;
        var item = ForValue(element, ValueShapes.Of(element) == ValueShape.Object ? documentation.OfType(element) : null);
        if (ValueShapes.Of(element) == ValueShape.String)
        {
            ApplyStringConstraints(item, list);
        }

        return item;
    }

    private V1JSONSchemaProps ForValue(Type type, string? description) => ValueShapes.Of(type) switch
    {
        ValueShape.String => new V1JSONSchemaProps { Type = "string", Description = description },
        ValueShape.Integer => new V1JSONSchemaProps { Type = "integer", Format = type == typeof(long) ? "int64" : "int32", Description = description },
        ValueShape.Number => new V1JSONSchemaProps { Type = "number", Format = "double", Description = description },
        ValueShape.Boolean => new V1JSONSchemaProps { Type = "boolean", Description = description },
        ValueShape.DateTime => new V1JSONSchemaProps { Type = "string", Format = "date-time", Description = description },
        ValueShape.IntOrString => new V1JSONSchemaProps
        {
            Description = description,
            AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }],
            XKubernetesIntOrString = true,
        },
        ValueShape.LabelSelector => KnownSchemas.LabelSelector(description!),
        ValueShape.ObjectMeta => KnownSchemas.ObjectMeta(),
        ValueShape.Object => ForObject(type, description!),
        var shape => throw new NotSupportedException($"A {shape} cannot be a single value or a list item here."),
    };

    private static void ApplyStringConstraints(V1JSONSchemaProps schema, ModelProperty property)
    {
        schema.EnumProperty = property.AllowedValues?.Cast<object>().ToList();
        schema.Pattern = property.Duration is not null ? Patterns.Duration : property.Pattern;
    }
}
