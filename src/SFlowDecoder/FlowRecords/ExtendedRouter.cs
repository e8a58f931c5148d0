namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1002 (<c>extended_router</c>): the next hop and the prefix lengths of the routes used.</summary>
/// <param name="NextHop">The next-hop router's address.</param>
/// <param name="SourceMaskLength">Prefix length of the source address's route.</param>
/// <param name="DestinationMaskLength">Prefix length of the destination address's route.</param>
public readonly record struct ExtendedRouter(IpAddressValue NextHop, uint SourceMaskLength, uint DestinationMaskLength)
    : ISFlowRecord<ExtendedRouter>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedRouter value)
    {
        value = default;
        if (!reader.TryReadAddress(out var nextHop) || !reader.TryReadFixed(8, out var fields))
        {
            return false;
        }

        value = new ExtendedRouter(nextHop, XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4));
        return true;
    }
}
