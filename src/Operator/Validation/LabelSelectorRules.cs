using System.Text.RegularExpressions;
using k8s.Models;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// The rules the API server applies to label selectors of built-in kinds (it does not check them inside custom
/// resources), plus one of ours: a selector must select something narrower than the whole namespace.
/// </summary>
internal static partial class LabelSelectorRules
{
    public static void Check(V1LabelSelector selector, string at, List<FieldError> errors)
    {
        var labels = selector.MatchLabels ?? new Dictionary<string, string>();
        var expressions = selector.MatchExpressions ?? [];
        if (labels.Count == 0 && expressions.Count == 0)
        {
            errors.Add(new FieldError(at, "selects every pod in the namespace; add matchLabels or matchExpressions, such as matchLabels: {app: demo}"));
        }

        foreach (var (key, value) in labels)
        {
            CheckKey(key, $"{at}.matchLabels[{key}]", errors);
            CheckValue(value, $"{at}.matchLabels[{key}]", errors);
        }

        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var path = $"{at}.matchExpressions[{i}]";
            CheckKey(expression.Key ?? "", path + ".key", errors);
            var values = expression.Values ?? [];
            switch (expression.OperatorProperty)
            {
                case "In" or "NotIn" when values.Count == 0:
                    errors.Add(new FieldError(path + ".values", $"operator {expression.OperatorProperty} needs at least one value"));
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    errors.Add(new FieldError(path + ".values", $"operator {expression.OperatorProperty} takes no values; remove them"));
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    errors.Add(new FieldError(path + ".operator", $"\"{expression.OperatorProperty}\" is not an operator; use In, NotIn, Exists or DoesNotExist"));
                    break;
            }

            for (var j = 0; j < values.Count; j++)
            {
                CheckValue(values[j], $"{path}.values[{j}]", errors);
            }
        }
    }

    private static void CheckKey(string key, string at, List<FieldError> errors)
    {
        if (!LabelKey().IsMatch(key))
        {
            errors.Add(new FieldError(at, $"\"{key}\" is not a label key: an optional DNS-subdomain prefix and '/', then up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit"));
        }
    }

    private static void CheckValue(string? value, string at, List<FieldError> errors)
    {
        if (!LabelValue().IsMatch(value ?? ""))
        {
            errors.Add(new FieldError(at, $"\"{value}\" is not a label value: up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit"));
        }
    }

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();
}
