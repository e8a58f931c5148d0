namespace NetworkMachinery.SFlow;

/// <summary>Flow records 1029 and 1030 (<c>extended_vni_egress/ingress</c>): the tunnel's virtual network identifier (VXLAN VNI, GRE key, ...).</summary>
/// <param name="Vni">The virtual network identifier.</param>
public readonly record struct ExtendedVni(uint Vni) : ISFlowRecord<ExtendedVni>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedVni value)
    {
        var ok = reader.TryReadUInt32(out var vni);
        value = new ExtendedVni(vni);
        return ok;
    }
}
