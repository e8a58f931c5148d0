using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Crds;

namespace NetworkMachinery.Operator.Tests.Crds;

public sealed class CustomResourceDefinitionsTests
{
    private static readonly IReadOnlyList<V1CustomResourceDefinition> Definitions = CustomResourceDefinitions.BuildAll();

    public static TheoryData<string> Names() => new(Definitions.Select(definition => definition.Metadata.Name));

    [Theory]
    [InlineData("networkconnectivitytests.networkmachinery.io", "NetworkConnectivityTest", "nct")]
    [InlineData("networktrafficshapers.networkmachinery.io", "NetworkTrafficShaper", "nts")]
    [InlineData("networkmonitors.networkmachinery.io", "NetworkMonitor", "nm")]
    [InlineData("networknotifications.networkmachinery.io", "NetworkNotification", "nn")]
    public void Build_Kind_IsANamespacedV1Alpha1KindWithStatusAndShortName(string name, string kind, string shortName)
    {
        var definition = Definition(name);

        Assert.Equal("apiextensions.k8s.io/v1", definition.ApiVersion);
        Assert.Equal("CustomResourceDefinition", definition.Kind);
        Assert.Equal("networkmachinery.io", definition.Spec.Group);
        Assert.Equal("Namespaced", definition.Spec.Scope);
        Assert.Equal(kind, definition.Spec.Names.Kind);
        Assert.Equal(kind + "List", definition.Spec.Names.ListKind);
        Assert.Equal(kind.ToLowerInvariant(), definition.Spec.Names.Singular);
        Assert.Equal([shortName], definition.Spec.Names.ShortNames);
        Assert.Equal(["networkmachinery"], definition.Spec.Names.Categories);
        var version = Assert.Single(definition.Spec.Versions);
        Assert.Equal("v1alpha1", version.Name);
        Assert.True(version.Served);
        Assert.True(version.Storage);
        Assert.NotNull(version.Subresources.Status);
        Assert.Equal(["spec"], Schema(name).Required);
    }

    [Fact]
    public void Build_ConnectivityTest_CarriesTheSpecConstraints()
    {
        var spec = Schema("networkconnectivitytests.networkmachinery.io").Properties["spec"];

        Assert.Equal(["destinations", "layer"], spec.Required);
        Assert.Equal(["3", "4"], spec.Properties["layer"].EnumProperty);
        var count = spec.Properties["count"];
        Assert.Equal(("integer", 1d, 100d, 3), (count.Type, count.Minimum, count.Maximum, (int)count.DefaultProperty));
        Assert.Equal("1s", spec.Properties["interval"].DefaultProperty);
        Assert.Equal("5s", spec.Properties["timeout"].DefaultProperty);
        var destinations = spec.Properties["destinations"];
        Assert.Equal((1L, 100L), (destinations.MinItems, destinations.MaxItems));
        var destination = destinations.Items;
        Assert.Equal(["kind"], ((V1JSONSchemaProps)destination).Required);
        Assert.Equal(["pod", "ip", "service", "dns", "node"], ((V1JSONSchemaProps)destination).Properties["kind"].EnumProperty);
        var port = ((V1JSONSchemaProps)destination).Properties["port"];
        Assert.True(port.XKubernetesIntOrString);
        Assert.Null(port.Type);
        Assert.Equal("TCP", ((V1JSONSchemaProps)destination).Properties["protocol"].DefaultProperty);
        Assert.Equal(["Reachable", "Unreachable"], spec.Properties["expect"].EnumProperty);
        Assert.Equal(["every"], spec.Properties["schedule"].Required);
        var selector = spec.Properties["source"].Properties["selector"];
        Assert.Equal("string", ((V1JSONSchemaProps)selector.Properties["matchLabels"].AdditionalProperties).Type);
        Assert.Equal(["key", "operator"], ((V1JSONSchemaProps)selector.Properties["matchExpressions"].Items).Required);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_Conditions_AreStandardConditionsKeyedByType(string name)
    {
        var conditions = Schema(name).Properties["status"].Properties["conditions"];

        Assert.Equal("array", conditions.Type);
        Assert.Equal("map", conditions.XKubernetesListType);
        Assert.Equal(["type"], conditions.XKubernetesListMapKeys);
        var condition = (V1JSONSchemaProps)conditions.Items;
        Assert.Equal(["lastTransitionTime", "message", "observedGeneration", "reason", "status", "type"], condition.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["True", "False", "Unknown"], condition.Properties["status"].EnumProperty);
        Assert.Equal("date-time", condition.Properties["lastTransitionTime"].Format);
    }

    // The API server refuses a CRD whose schema is not structural: every node needs a type (an int-or-string stands
    // in for one), and metadata may say nothing but that. Every other field needs a description, which shows that
    // the doc comments reached it.
    [Theory]
    [MemberData(nameof(Names))]
    public void Build_Schema_IsStructuralAndDescribed(string name)
    {
        var metadata = Schema(name).Properties["metadata"];
        Assert.Equal(KubernetesJson.Serialize(new V1JSONSchemaProps { Type = "object" }), KubernetesJson.Serialize(metadata));
        foreach (var (path, node, isField) in Walk(Schema(name), ""))
        {
            Assert.True(node.Type is not null || node.XKubernetesIntOrString == true, $"{path} has no type");
            if (isField && path != ".metadata")
            {
                Assert.False(string.IsNullOrWhiteSpace(node.Description), $"{path} has no description");
            }
        }
    }

    // The API server refuses a default its own field would reject.
    [Theory]
    [MemberData(nameof(Names))]
    public void Build_Defaults_SatisfyTheirOwnSchema(string name)
    {
        foreach (var (path, node, _) in Walk(Schema(name), "").Where(entry => entry.Node.DefaultProperty is not null))
        {
            var value = node.DefaultProperty;
            if (node.Type == "string")
            {
                var text = Assert.IsType<string>(value);
                Assert.True(node.Pattern is null || Regex.IsMatch(text, node.Pattern), $"{path}: default {text} does not match {node.Pattern}");
                Assert.True(node.EnumProperty is null || node.EnumProperty.Contains(text), $"{path}: default {text} is not in the enum");
            }
            else if (node.Type is "integer" or "number")
            {
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                Assert.True(node.Minimum is null || number >= node.Minimum, $"{path}: default {number} is below the minimum");
                Assert.True(node.Maximum is null || number <= node.Maximum, $"{path}: default {number} is above the maximum");
            }
            else
            {
                Assert.Equal("boolean", node.Type);
                Assert.IsType<bool>(value);
            }
        }
    }

    // A printer column whose path names no field shows an empty column forever.
    [Theory]
    [MemberData(nameof(Names))]
    public void Build_PrinterColumns_PointAtSchemaFieldsOfTheirType(string name)
    {
        var version = Definition(name).Spec.Versions.Single();
        Assert.Contains(version.AdditionalPrinterColumns, column => column.Name == "Age" && column.JsonPath == ".metadata.creationTimestamp");
        foreach (var column in version.AdditionalPrinterColumns.Where(column => !column.JsonPath.StartsWith(".metadata.", StringComparison.Ordinal)))
        {
            var node = Schema(name);
            // A filter such as [?(@.type=="Ready")] picks list items; only the field names matter here.
            foreach (var segment in Regex.Replace(column.JsonPath, @"\[[^\]]*\]", "[]").TrimStart('.').Split('.'))
            {
                var field = segment.Split('[')[0];
                Assert.True(node.Properties?.ContainsKey(field) == true, $"{column.Name}: {column.JsonPath} names no field {field}");
                node = node.Properties![field];
                if (segment.Contains('[', StringComparison.Ordinal))
                {
                    node = (V1JSONSchemaProps)node.Items;
                }
            }

            var expected = node.Format == "date-time" ? "date" : node.Type;
            Assert.True(expected == column.Type, $"{column.Name}: column type {column.Type}, field type {expected}");
        }
    }

    [Fact]
    public void Build_ConnectivityTest_ShowsTheStoryInKubectlGet()
    {
        var columns = Definition("networkconnectivitytests.networkmachinery.io").Spec.Versions.Single().AdditionalPrinterColumns
            .Where(column => column.Priority is null or 0)
            .Select(column => column.Name);

        Assert.Equal(["Layer", "Source", "Destinations", "Reachable", "Failed", "Last Run", "Age"], columns);
    }

    // The manifest is read by kubectl and the API server, not by us: it must parse back into the same definition,
    // with "3" and "4" still strings.
    [Theory]
    [MemberData(nameof(Names))]
    public void ToYaml_ParsesBackToTheSameManifest(string name)
    {
        var yaml = CrdManifests.ToYaml(Definition(name));
        var parsed = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml, strict: true);

        Assert.Equal(yaml, CrdManifests.ToYaml(parsed));
        Assert.StartsWith(CrdManifests.Header + "\n", yaml, StringComparison.Ordinal);
        if (name.StartsWith("networkconnectivitytests", StringComparison.Ordinal))
        {
            Assert.Contains("- \"3\"\n", yaml, StringComparison.Ordinal);
        }
    }

    private static V1CustomResourceDefinition Definition(string name) => Definitions.Single(definition => definition.Metadata.Name == name);

    private static V1JSONSchemaProps Schema(string name) => Definition(name).Spec.Versions.Single().Schema.OpenAPIV3Schema;

    private static IEnumerable<(string Path, V1JSONSchemaProps Node, bool IsField)> Walk(V1JSONSchemaProps node, string path)
    {
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            yield return (path + "." + name, child, true);
            foreach (var nested in Walk(child, path + "." + name))
            {
                yield return nested;
            }
        }

        foreach (var child in new[] { node.Items, node.AdditionalProperties }.OfType<V1JSONSchemaProps>())
        {
            yield return (path + "[]", child, false);
            foreach (var nested in Walk(child, path + "[]"))
            {
                yield return nested;
            }
        }
    }
}
