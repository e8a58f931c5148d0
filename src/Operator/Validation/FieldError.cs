namespace NetworkMachinery.Operator.Validation;

/// <summary>One thing wrong with an object: where, and what to do about it.</summary>
/// <param name="Path">The field, as a path from the object's root such as <c>spec.destinations[1].port</c>.</param>
/// <param name="Message">What is wrong and how to fix it, in words.</param>
public sealed record FieldError(string Path, string Message)
{
    /// <summary>The error as <c>PATH: MESSAGE</c>, as admission responses and events show it.</summary>
    /// <returns>The path and message.</returns>
    public override string ToString() => Path + ": " + Message;
}
