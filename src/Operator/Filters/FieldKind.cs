namespace NetworkMachinery.Operator.Filters;

/// <summary>How a field's value is written and compared.</summary>
internal enum FieldKind
{
    /// <summary>An unsigned number (decimal or 0x hex), compared as a number.</summary>
    Number,

    /// <summary>An IPv4 or IPv6 address, tested for equality or prefix membership.</summary>
    Address,

    /// <summary>A MAC address (aa:bb:cc:dd:ee:ff), tested for equality.</summary>
    Mac,
}
