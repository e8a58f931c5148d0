using k8s.Models;

namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>Classifies the .NET types the resource models use into <see cref="ValueShape"/>s.</summary>
internal static class ValueShapes
{
    public static ValueShape Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return ValueShape.String;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return ValueShape.Integer;
        }

        if (type == typeof(double))
        {
            return ValueShape.Number;
        }

        if (type == typeof(bool))
        {
            return ValueShape.Boolean;
        }

        if (type == typeof(DateTime))
        {
            return ValueShape.DateTime;
        }

        if (type == typeof(IntOrString))
        {
            return ValueShape.IntOrString;
        }

        if (type == typeof(V1LabelSelector))
        {
            return ValueShape.LabelSelector;
        }

        if (type == typeof(V1Condition))
        {
            return ValueShape.Condition;
        }

        if (type == typeof(V1ObjectMeta))
        {
            return ValueShape.ObjectMeta;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            return type.GetGenericArguments()[0] == typeof(string) && type.GetGenericArguments()[1] == typeof(string)
                ? ValueShape.Map
                : throw Unsupported(type);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
        {
            return ValueShape.List;
        }

        // Only the resources' own classes recurse; anything else (another Kubernetes model, an enum) would need its
        // schema written out and is refused so that it cannot slip into a CRD as an empty object.
        return type.IsClass && type.Namespace is { } ns && ns.StartsWith(typeof(NetworkMachineryApi).Namespace!, StringComparison.Ordinal)
            ? ValueShape.Object
            : throw Unsupported(type);
    }

    public static Type? ElementOf(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ? type.GetGenericArguments()[^1]
            : null;

    private static NotSupportedException Unsupported(Type type) =>
        new($"The resource models cannot use {type}: use string, int, long, double, bool, DateTime, IntOrString, "
            + "V1LabelSelector, V1Condition, IList<T>, IDictionary<string, string> or a class of the Entities namespace.");
}
