using System.Diagnostics.CodeAnalysis;

namespace NetworkMachinery.Operator.Validation;

/// <summary>Checks shared by the kinds' validators.</summary>
internal static class Rules
{
    /// <summary>Adds an error unless exactly one of <paramref name="fields"/> is set.</summary>
    public static void ExactlyOne(string at, List<FieldError> errors, string hint, params (string Name, bool IsSet)[] fields)
    {
        var set = fields.Where(field => field.IsSet).Select(field => field.Name).ToArray();
        if (set.Length == 1)
        {
            return;
        }

        var names = Alternatives(fields.Select(field => field.Name).ToArray());
        errors.Add(new FieldError(at, set.Length == 0
            ? $"needs one of {names}{hint}"
            : $"sets {string.Join(" and ", set)}; keep only one of {names}{hint}"));
    }

    /// <summary>Adds an error for every item whose key was seen on an earlier item.</summary>
    public static void Unique<T>(IList<T> items, Func<T, string?> key, string at, string what, List<FieldError> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (key(items[i]) is not { } value)
            {
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                errors.Add(new FieldError($"{at}[{i}]", $"repeats {what} of {at}[{first}]; remove one or change it"));
            }
            else
            {
                seen.Add(value, i);
            }
        }
    }

    /// <summary>Adds an error saying that a field does not apply.</summary>
    public static void NotUsed(bool isSet, string at, string why, List<FieldError> errors)
    {
        if (isSet)
        {
            errors.Add(new FieldError(at, $"is not used {why}; remove it"));
        }
    }

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    /// <summary>Whether an optional string field is set (an empty string counts as left out).</summary>
    public static bool IsSet([NotNullWhen(true)] string? value) => !string.IsNullOrEmpty(value);
}
