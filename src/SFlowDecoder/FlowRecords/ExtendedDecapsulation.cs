namespace NetworkMachinery.SFlow;

/// <summary>Flow records 1027 and 1028 (<c>extended_decapsulate_egress/ingress</c>): where the inner packet starts in the sampled header.</summary>
/// <param name="InnerHeaderOffset">Offset in bytes of the inner header within the raw packet header record.</param>
public readonly record struct ExtendedDecapsulation(uint InnerHeaderOffset) : ISFlowRecord<ExtendedDecapsulation>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedDecapsulation value)
    {
        var ok = reader.TryReadUInt32(out var offset);
        value = new ExtendedDecapsulation(offset);
        return ok;
    }
}
