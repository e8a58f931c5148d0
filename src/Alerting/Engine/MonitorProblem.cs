using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>A monitor the engine could not take, and why: it evaluates none of its rules until it is fixed.</summary>
/// <param name="Namespace">The monitor's namespace.</param>
/// <param name="Name">The monitor's name.</param>
/// <param name="Errors">What is wrong, each with the field and how to fix it (the admission webhook's messages).</param>
public sealed record MonitorProblem(string Namespace, string Name, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The problem as one line: the monitor, then its errors.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Namespace}/{Name}: {string.Join("; ", Errors)}";
}
