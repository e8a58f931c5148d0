namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1003 (<c>extended_gateway</c>): what BGP knew about the packet's route.</summary>
public readonly ref struct ExtendedGateway : ISFlowRecord<ExtendedGateway>
{
    private ExtendedGateway(IpAddressValue nextHop, uint asNumber, uint sourceAs, uint sourcePeerAs, AsPath path, XdrUInt32List communities, uint localPreference)
    {
        NextHop = nextHop;
        As = asNumber;
        SourceAs = sourceAs;
        SourcePeerAs = sourcePeerAs;
        DestinationAsPath = path;
        Communities = communities;
        LocalPreference = localPreference;
    }

    /// <summary>The BGP next hop: the border router to use for the destination.</summary>
    public IpAddressValue NextHop { get; }

    /// <summary>This router's own AS number.</summary>
    public uint As { get; }

    /// <summary>The source address's origin AS.</summary>
    public uint SourceAs { get; }

    /// <summary>The peer AS the packet came from.</summary>
    public uint SourcePeerAs { get; }

    /// <summary>The AS path to the destination.</summary>
    public AsPath DestinationAsPath { get; }

    /// <summary>The BGP communities of the destination's route.</summary>
    public XdrUInt32List Communities { get; }

    /// <summary>The local preference of the destination's route.</summary>
    public uint LocalPreference { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedGateway value)
    {
        value = default;
        if (!reader.TryReadAddress(out var nextHop) || !reader.TryReadFixed(12, out var fields))
        {
            return false;
        }

        var asNumber = XdrFields.UInt32(fields, 0);
        var sourceAs = XdrFields.UInt32(fields, 4);
        var sourcePeerAs = XdrFields.UInt32(fields, 8);
        if (!AsPath.TryRead(ref reader, out var path)
            || !XdrUInt32List.TryRead(ref reader, out var communities)
            || !reader.TryReadUInt32(out var localPreference))
        {
            return false;
        }

        value = new ExtendedGateway(nextHop, asNumber, sourceAs, sourcePeerAs, path, communities, localPreference);
        return true;
    }
}
