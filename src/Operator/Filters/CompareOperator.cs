namespace NetworkMachinery.Operator.Filters;

/// <summary>The comparisons of the filter language.</summary>
internal enum CompareOperator
{
    /// <summary><c>==</c> (also written <c>=</c>).</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,
}
