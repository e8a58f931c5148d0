namespace NetworkMachinery.SFlow;

/// <summary>How to read the value of an <see cref="SFlowInterface"/>.</summary>
public enum InterfaceFormat : byte
{
    /// <summary>Format 0: the value is an ifIndex; 0 means unknown.</summary>
    IfIndex = 0,

    /// <summary>Format 1: the packet was discarded; the value is the reason code.</summary>
    Discarded = 1,

    /// <summary>Format 2: the packet went out of several interfaces; the value is their number, 0 if unknown.</summary>
    Multiple = 2,

    /// <summary>Format 3, which the specification leaves undefined.</summary>
    Reserved = 3,
}
