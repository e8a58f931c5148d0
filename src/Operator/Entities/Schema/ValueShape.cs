namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>What a model property holds, as the CRD schema and the validator see it.</summary>
public enum ValueShape
{
    /// <summary>A string (<c>type: string</c>).</summary>
    String,

    /// <summary>An <see cref="int"/> or <see cref="long"/> (<c>type: integer</c>).</summary>
    Integer,

    /// <summary>A <see cref="double"/> (<c>type: number</c>).</summary>
    Number,

    /// <summary>A <see cref="bool"/> (<c>type: boolean</c>).</summary>
    Boolean,

    /// <summary>A <see cref="DateTime"/>, written as an RFC 3339 string (<c>format: date-time</c>).</summary>
    DateTime,

    /// <summary>A <see cref="k8s.Models.IntOrString"/>: a number or a name (<c>x-kubernetes-int-or-string</c>).</summary>
    IntOrString,

    /// <summary>A list of values (<c>type: array</c>).</summary>
    List,

    /// <summary>A string-to-string dictionary (<c>type: object</c> with <c>additionalProperties</c>).</summary>
    Map,

    /// <summary>One of the resources' own classes, whose properties are read the same way.</summary>
    Object,

    /// <summary>A <see cref="k8s.Models.V1LabelSelector"/>.</summary>
    LabelSelector,

    /// <summary>A <see cref="k8s.Models.V1Condition"/>.</summary>
    Condition,

    /// <summary>A <see cref="k8s.Models.V1ObjectMeta"/>, whose schema the API server supplies.</summary>
    ObjectMeta,
}
