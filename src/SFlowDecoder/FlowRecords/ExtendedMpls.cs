namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1006 (<c>extended_mpls</c>): the MPLS next hop and the label stacks on the way in and out.</summary>
public readonly ref struct ExtendedMpls : ISFlowRecord<ExtendedMpls>
{
    private ExtendedMpls(IpAddressValue nextHop, XdrUInt32List inLabels, XdrUInt32List outLabels)
    {
        NextHop = nextHop;
        InLabels = inLabels;
        OutLabels = outLabels;
    }

    /// <summary>The next hop's address.</summary>
    public IpAddressValue NextHop { get; }

    /// <summary>The label stack of the arriving packet, top first (RFC 3032 label stack entries).</summary>
    public XdrUInt32List InLabels { get; }

    /// <summary>The label stack of the leaving packet, top first.</summary>
    public XdrUInt32List OutLabels { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedMpls value)
    {
        value = default;
        if (!reader.TryReadAddress(out var nextHop)
            || !XdrUInt32List.TryRead(ref reader, out var inLabels)
            || !XdrUInt32List.TryRead(ref reader, out var outLabels))
        {
            return false;
        }

        value = new ExtendedMpls(nextHop, inLabels, outLabels);
        return true;
    }
}
