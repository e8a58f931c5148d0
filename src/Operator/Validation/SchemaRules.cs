using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// Checks an object against the constraints its model's attributes declare: the same ones the CRD schema carries,
/// so a controller or a test sees what the API server would reject, with a message that says how to fix it.
/// </summary>
internal static class SchemaRules
{
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    /// <summary>Adds an error for every constraint of <paramref name="model"/> (and the objects in it) that does not hold.</summary>
    public static void Check(object model, string path, List<FieldError> errors)
    {
        foreach (var property in ModelProperties.Of(model.GetType()))
        {
            var value = property.GetValue(model);
            var at = path + "." + property.Name;
            if (value is null or "")
            {
                if (property.IsRequired)
                {
                    errors.Add(new FieldError(at, "is required" + (property.AllowedValues is { } allowed ? "; set it to one of " + Quote(allowed) : "")));
                }

                continue;
            }

            CheckValue(property, value, at, errors);
        }
    }

    private static void CheckValue(ModelProperty property, object value, string at, List<FieldError> errors)
    {
        switch (property.Shape)
        {
            case ValueShape.String:
                CheckString(property, (string)value, at, errors);
                break;
            case ValueShape.Integer or ValueShape.Number:
                CheckRange(property, Convert.ToDouble(value, CultureInfo.InvariantCulture), at, errors);
                break;
            case ValueShape.List:
                CheckList(property, (IList)value, at, errors);
                break;
            case ValueShape.Map:
                CheckCount(property, ((ICollection)value).Count, at, errors);
                break;
            case ValueShape.Object:
                Check(value, at, errors);
                break;
            case ValueShape.LabelSelector:
                LabelSelectorRules.Check((V1LabelSelector)value, at, errors);
                break;
        }
    }

    private static void CheckString(ModelProperty property, string value, string at, List<FieldError> errors)
    {
        if (property.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(new FieldError(at, $"\"{value}\" is not allowed; use one of {Quote(allowed)}"));
        }

        if (property.MaxSize is { } most && value.Length > most)
        {
            errors.Add(new FieldError(at, $"is {value.Length} characters long; shorten it to at most {most}"));
        }

        if (property.Pattern is { } pattern && !Regexes.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant)).IsMatch(value))
        {
            errors.Add(new FieldError(at, $"\"{value}\" is not {Patterns.Describe(pattern)}"));
        }

        if (property.Duration is { } duration)
        {
            CheckDuration(duration, value, at, errors);
        }
    }

    private static void CheckDuration(DurationAttribute duration, string value, string at, List<FieldError> errors)
    {
        if (!GoDuration.TryParse(value, out var parsed))
        {
            errors.Add(new FieldError(at, $"\"{value}\" is not {Patterns.Describe(Patterns.Duration)}"));
        }
        else if (duration.Minimum is { } minimum && parsed < GoDuration.Parse(minimum))
        {
            errors.Add(new FieldError(at, $"{value} is too short; make it at least {minimum}"));
        }
    }

    private static void CheckRange(ModelProperty property, double value, string at, List<FieldError> errors)
    {
        if (property.Range is not { } range)
        {
            return;
        }

        var minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        var tooSmall = range.MinimumIsExclusive ? value <= minimum : value < minimum;
        var tooLarge = range.MaximumIsExclusive ? value >= maximum : value > maximum;
        if (tooSmall || tooLarge)
        {
            var bounded = maximum < double.MaxValue;
            var wanted = (range.MinimumIsExclusive, range.MaximumIsExclusive, bounded) switch
            {
                (false, false, true) => $"from {Number(minimum)} to {Number(maximum)}",
                (_, _, true) => $"{(range.MinimumIsExclusive ? "more than" : "at least")} {Number(minimum)} and {(range.MaximumIsExclusive ? "less than" : "at most")} {Number(maximum)}",
                _ => $"{(range.MinimumIsExclusive ? "more than" : "at least")} {Number(minimum)}",
            };
            errors.Add(new FieldError(at, $"{Number(value)} is out of range; use a value {wanted}"));
        }
    }

    private static void CheckList(ModelProperty property, IList list, string at, List<FieldError> errors)
    {
        CheckCount(property, list.Count, at, errors);
        var element = ValueShapes.Of(property.ElementType!);
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{at}[{i}]";
            switch (list[i])
            {
                case null:
                    errors.Add(new FieldError(itemPath, "is empty; remove it or fill it in"));
                    break;
                case string text when element == ValueShape.String:
                    CheckString(property, text, itemPath, errors);
                    break;
                case var item when element == ValueShape.Object:
                    Check(item, itemPath, errors);
                    break;
            }
        }
    }

    private static void CheckCount(ModelProperty property, int count, string at, List<FieldError> errors)
    {
        if (property.MinSize is { } fewest && count < fewest)
        {
            errors.Add(new FieldError(at, count == 0 ? $"is empty; add at least {fewest} {Entries(fewest)}" : $"has {count} {Entries(count)}; add entries to have at least {fewest}"));
        }

        if (property.MaxSize is { } most && count > most)
        {
            errors.Add(new FieldError(at, $"has {count} entries; remove entries to have at most {most}"));
        }
    }

    private static string Entries(int count) => count == 1 ? "entry" : "entries";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"\"{value}\""));
}
