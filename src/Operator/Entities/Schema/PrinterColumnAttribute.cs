namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>A column <c>kubectl get</c> shows for the kind (an <c>additionalPrinterColumns</c> entry), in declaration order.</summary>
/// <param name="name">The column header.</param>
/// <param name="jsonPath">A JSONPath into the object, such as <c>.status.summary.reachable</c>.</param>
/// <param name="type">The OpenAPI type of the value: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string jsonPath, string type = "string") : Attribute
{
    /// <summary>The column header.</summary>
    public string Name { get; } = name;

    /// <summary>A JSONPath into the object, such as <c>.status.summary.reachable</c>.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>The OpenAPI type of the value: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</summary>
    public string Type { get; } = type;

    /// <summary>What the column shows, for <c>kubectl explain</c>-like tools.</summary>
    public string? Description { get; init; }

    /// <summary>0 shows the column always; 1 only with <c>kubectl get -o wide</c>.</summary>
    public int Priority { get; init; }
}
