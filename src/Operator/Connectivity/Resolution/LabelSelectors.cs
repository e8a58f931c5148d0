using k8s.Models;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>Label selector matching as the API server does it: every matchLabels pair and every matchExpressions requirement.</summary>
public static class LabelSelectors
{
    /// <summary>Whether <paramref name="labels"/> satisfy <paramref name="selector"/>; an empty selector matches everything.</summary>
    /// <exception cref="ArgumentException">An expression has an operator other than In, NotIn, Exists and DoesNotExist.</exception>
    public static bool Matches(V1LabelSelector selector, IDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return (selector.MatchExpressions ?? []).All(requirement => Satisfies(requirement, labels));
    }

    private static bool Satisfies(V1LabelSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && values.Contains(value!),
            "NotIn" => !present || !values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            var other => throw new ArgumentException($"unknown label selector operator '{other}'", nameof(requirement)),
        };
    }
}
