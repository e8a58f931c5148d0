namespace NetworkMachinery.Operator.Filters;

/// <summary>A filter that does not parse; the message says where and how to fix it.</summary>
internal sealed class FilterSyntaxException(string message) : Exception(message);
