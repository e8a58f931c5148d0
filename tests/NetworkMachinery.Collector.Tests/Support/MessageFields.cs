using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>Compares a protobuf message, field by field through its descriptor, with the values it should hold.</summary>
internal static partial class MessageFields
{
    /// <summary>
    /// Asserts that <paramref name="expected"/> names every field of the message, and that each field holds its value.
    /// A null value means absent (the field must have presence); a sub-message field's value is a C# record struct,
    /// whose positional fields the sub-message must hold one for one under their snake_case names.
    /// </summary>
    public static void AssertEqual(IMessage message, IReadOnlyDictionary<string, object?> expected)
    {
        var descriptor = message.Descriptor;
        var fields = descriptor.Fields.InDeclarationOrder();
        Assert.Equal(fields.Select(field => field.Name).Order(), expected.Keys.Order());
        foreach (var field in fields)
        {
            var name = $"{descriptor.Name}.{field.Name}";
            var want = expected[field.Name];
            if (want is null)
            {
                Assert.True(field.HasPresence, $"{name}: expected absent, but the field has no presence");
                Assert.False(field.Accessor.HasValue(message), $"{name}: expected absent, but it is set");
                continue;
            }

            Assert.True(!field.HasPresence || field.Accessor.HasValue(message), $"{name}: expected {want}, but it is absent");
            var got = field.Accessor.GetValue(message);
            if (field.FieldType == FieldType.Message)
            {
                AssertEqual((IMessage)got, StructFields(want));
            }
            else
            {
                var (wantValue, gotValue) = (Normalize(want), Normalize(got));
                Assert.True(Equals(wantValue, gotValue), $"{name}: expected {wantValue}, got {gotValue}");
            }
        }
    }

    /// <summary>The positional fields of a record struct, by their names in snake_case (InOctets: in_octets).</summary>
    public static Dictionary<string, object?> StructFields(object value)
    {
        var type = value.GetType();
        var constructor = type.GetConstructors().MaxBy(candidate => candidate.GetParameters().Length)!;
        return constructor.GetParameters().ToDictionary(
            parameter => SnakeCase(parameter.Name!),
            parameter => type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance)!.GetValue(value));
    }

    /// <summary>The address's 4 or 16 bytes as the framework writes them; none for no address.</summary>
    public static byte[] AddressBytes(IpAddressValue address) => address.ToIPAddress()?.GetAddressBytes() ?? [];

    private static string SnakeCase(string name) => LowerUpper().Replace(name, "$1_$2").ToLowerInvariant();

    // Protobuf's C# and .NET's numeric types differ in width (a uint record field in a uint64 message field), and
    // enums on both sides stand for their numbers: values compare by what they are, not by how they are held.
    private static object? Normalize(object? value) => value switch
    {
        ByteString bytes => Convert.ToHexString(bytes.Span),
        byte[] bytes => Convert.ToHexString(bytes),
        MacAddress mac => (decimal)mac.Value,
        Enum number => Convert.ToDecimal(number, CultureInfo.InvariantCulture),
        float single => (double)single,
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex LowerUpper();
}
