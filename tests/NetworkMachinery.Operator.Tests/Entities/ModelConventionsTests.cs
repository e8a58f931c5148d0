using System.Reflection;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;
using YamlDotNet.Serialization.NamingConventions;

namespace NetworkMachinery.Operator.Tests.Entities;

/// <summary>Conventions every model class keeps, so that JSON, YAML, the CRD schema and validation see the same object.</summary>
public sealed class ModelConventionsTests
{
    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in AllModelTypes())
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<Type> Kinds() => new(CustomResourceDefinitions.Kinds);

    // KubernetesYaml maps the names of its own models from [JsonPropertyName] but ours by camel-casing the C# name:
    // the two must give the same name or a YAML manifest and the API server's JSON would disagree on a field.
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void JsonName_IsTheCamelCasedPropertyName(Type type)
    {
        foreach (var property in ModelProperties.Of(type))
        {
            Assert.Equal(CamelCaseNamingConvention.Instance.Apply(property.PropertyName), property.Name);
        }
    }

    // The schema default is what the API server fills in; the initializer is what a model built in C# or read from
    // YAML without the field holds. They must be the same value.
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void DefaultValue_EqualsTheValueOfANewInstance(Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in ModelProperties.Of(type).Where(property => property.Default is not null))
        {
            Assert.Equal(property.Default, property.GetValue(instance));
        }
    }

    // Validation can only see a required field as missing when it can be null.
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void RequiredProperty_CanBeMissing(Type type)
    {
        foreach (var property in ModelProperties.Of(type).Where(property => property.IsRequired))
        {
            var declared = type.GetProperty(property.PropertyName)!.PropertyType;
            Assert.True(!declared.IsValueType || Nullable.GetUnderlyingType(declared) is not null, $"{type.Name}.{property.PropertyName} is required but cannot be null");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NewObject_CarriesItsApiVersionAndKind(Type kind)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()!;
        var instance = (IKubernetesObject)Activator.CreateInstance(kind)!;

        Assert.Equal(NetworkMachineryApi.Group, entity.Group);
        Assert.Equal(NetworkMachineryApi.Version, entity.ApiVersion);
        Assert.Equal("networkmachinery.io/v1alpha1", instance.ApiVersion);
        Assert.Equal(entity.Kind, instance.Kind);
        Assert.Equal(entity.Kind.ToLowerInvariant() + "s", entity.PluralName);
    }

    private static IEnumerable<Type> AllModelTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(CustomResourceDefinitions.Kinds);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in ModelProperties.Of(type))
            {
                var nested = property.Shape == ValueShape.List ? property.ElementType! : property.Type;
                if (ValueShapes.Of(nested) == ValueShape.Object)
                {
                    pending.Push(nested);
                }
            }
        }

        return seen;
    }
}
