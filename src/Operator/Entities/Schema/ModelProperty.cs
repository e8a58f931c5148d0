using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>
/// One property of a resource model with the constraints its attributes declare, read once by reflection. The CRD
/// generator turns them into the OpenAPI schema and the validator checks objects against them, so the two agree.
/// </summary>
/// <remarks>
/// Attribute meanings: <see cref="RequiredAttribute"/> (present, and not an empty string);
/// <see cref="AllowedValuesAttribute"/> (an enum; on a list, of its items); <see cref="RangeAttribute"/> (minimum and
/// maximum, exclusive when the attribute says so); <see cref="SizeAttribute"/> (characters of a string, items of a
/// list, entries of a map);
/// <see cref="RegularExpressionAttribute"/> (a pattern; on a list, of its items); <see cref="DefaultValueAttribute"/>
/// (what the API server fills in when the field is left out); <see cref="DurationAttribute"/>.
/// </remarks>
public sealed class ModelProperty
{
    private readonly PropertyInfo _property;

    internal ModelProperty(PropertyInfo property)
    {
        _property = property;
        Name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} needs a [JsonPropertyName].");
        Type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Shape = ValueShapes.Of(Type);
        ElementType = ValueShapes.ElementOf(Type);
        IsRequired = property.IsDefined(typeof(RequiredAttribute));
        AllowedValues = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Select(v => (string)v!).ToArray();
        Range = property.GetCustomAttribute<RangeAttribute>();
        var size = property.GetCustomAttribute<SizeAttribute>();
        MinSize = size is { Minimum: >= 0 } ? size.Minimum : null;
        MaxSize = size is { Maximum: >= 0 } ? size.Maximum : null;
        Pattern = property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern;
        Default = property.GetCustomAttribute<DefaultValueAttribute>()?.Value;
        Duration = property.GetCustomAttribute<DurationAttribute>();
    }

    /// <summary>The JSON name, from <see cref="JsonPropertyNameAttribute"/>.</summary>
    public string Name { get; }

    /// <summary>The C# property's name, for looking up its documentation.</summary>
    public string PropertyName => _property.Name;

    /// <summary>The type that declares the property, for looking up its documentation.</summary>
    public Type DeclaringType => _property.DeclaringType!;

    /// <summary>The property's type, with <see cref="Nullable{T}"/> removed.</summary>
    public Type Type { get; }

    /// <summary>What the property holds.</summary>
    public ValueShape Shape { get; }

    /// <summary>For a list, the item type; for a map, the value type; otherwise <see langword="null"/>.</summary>
    public Type? ElementType { get; }

    /// <summary>Whether the field must be given.</summary>
    public bool IsRequired { get; }

    /// <summary>The values a string (or each string of a list) may take, or <see langword="null"/> for any.</summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    /// <summary>The numeric range, or <see langword="null"/> for any number.</summary>
    public RangeAttribute? Range { get; }

    /// <summary>The fewest characters, items or entries, or <see langword="null"/>.</summary>
    public int? MinSize { get; }

    /// <summary>The most characters, items or entries, or <see langword="null"/>.</summary>
    public int? MaxSize { get; }

    /// <summary>The pattern a string (or each string of a list) matches, or <see langword="null"/>.</summary>
    public string? Pattern { get; }

    /// <summary>The value the API server fills in when the field is left out, or <see langword="null"/>.</summary>
    public object? Default { get; }

    /// <summary>Present when the property is a Go-style duration.</summary>
    public DurationAttribute? Duration { get; }

    /// <summary>The property's value on <paramref name="model"/>.</summary>
    /// <param name="model">An instance of <see cref="DeclaringType"/> (or a type derived from it).</param>
    /// <returns>The value, boxed.</returns>
    public object? GetValue(object model) => _property.GetValue(model);
}
