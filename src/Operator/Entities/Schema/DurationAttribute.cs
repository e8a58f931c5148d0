namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>
/// Marks a string property as a Go-style duration (<c>1.5s</c>, <c>200ms</c>, <c>1m30s</c>): the CRD gets the
/// duration pattern, and validation parses it with <see cref="GoDuration"/> and checks <see cref="Minimum"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationAttribute : Attribute
{
    /// <summary>The shortest duration allowed, itself a Go-style duration; <see langword="null"/> allows zero.</summary>
    public string? Minimum { get; init; }
}
