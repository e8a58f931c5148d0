using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Validation;

/// <summary>
/// The rules of a NetworkTrafficShaper: its schema, then one pod or selector per target without repeats, at least
/// one kind of shaping, jitter no larger than the latency it varies (and its correlation only with jitter), and a
/// rate above zero.
/// </summary>
public static class NetworkTrafficShaperValidator
{
    /// <summary>Everything wrong with <paramref name="shaper"/>; empty when it is valid.</summary>
    /// <param name="shaper">The object as created or updated.</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    public static IReadOnlyList<FieldError> Validate(V1Alpha1NetworkTrafficShaper shaper)
    {
        var errors = new List<FieldError>();
        var spec = shaper.Spec;
        SchemaRules.Check(spec, "spec", errors);
        for (var i = 0; i < spec.Targets.Count; i++)
        {
            var target = spec.Targets[i];
            Rules.ExactlyOne($"spec.targets[{i}]", errors, "", ("name", Rules.IsSet(target.Name)), ("selector", target.Selector is not null));
        }

        Rules.Unique(
            spec.Targets,
            target => Rules.IsSet(target.Name) ? (target.Namespace ?? shaper.Metadata?.NamespaceProperty) + "/" + target.Name : null,
            "spec.targets",
            "the pod",
            errors);

        if (spec.Delay is null && spec.Loss is null && spec.Bandwidth is null)
        {
            errors.Add(new FieldError("spec", "shapes nothing; set at least one of delay (such as delay: {latency: 200ms}), loss (such as loss: {percent: 10}) and bandwidth (such as bandwidth: {rate: 10mbit})"));
        }

        if (spec.Delay is { } delay)
        {
            CheckDelay(delay, errors);
        }

        if (spec.Bandwidth is { Rate: var rate } && TcRate.TryParse(rate, out var bitsPerSecond) && bitsPerSecond <= 0)
        {
            errors.Add(new FieldError("spec.bandwidth.rate", $"{rate} would stop all traffic; use a rate above zero, or loss: {{percent: 100}} to drop everything"));
        }

        return errors;
    }

    private static void CheckDelay(ShaperDelay delay, List<FieldError> errors)
    {
        if (Rules.IsSet(delay.Jitter)
            && GoDuration.TryParse(delay.Jitter, out var jitter)
            && GoDuration.TryParse(delay.Latency, out var latency)
            && jitter > latency)
        {
            errors.Add(new FieldError("spec.delay.jitter", $"{delay.Jitter} is more than the latency {delay.Latency}, which would ask for negative delays; make it at most {delay.Latency}"));
        }

        if (delay.Correlation is not null && !Rules.IsSet(delay.Jitter))
        {
            errors.Add(new FieldError("spec.delay.correlation", "correlates the jitter, and there is none; add jitter or remove the correlation"));
        }
    }
}
