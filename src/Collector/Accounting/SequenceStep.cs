namespace NetworkMachinery.Collector.Accounting;

/// <summary>How a sequence number relates to the last one seen in its stream.</summary>
public enum SequenceStep : byte
{
    /// <summary>The first number seen in the stream.</summary>
    First,

    /// <summary>Exactly one more than the last.</summary>
    InOrder,

    /// <summary>More than one ahead: the numbers in between were lost (or are late).</summary>
    Gap,

    /// <summary>At or a little behind the last: a late (reordered) or duplicated datagram.</summary>
    Late,

    /// <summary>Far behind the last: the sender started counting again.</summary>
    Reset,
}
