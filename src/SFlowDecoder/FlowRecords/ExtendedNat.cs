namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1007 (<c>extended_nat</c>): the packet's addresses after translation.</summary>
/// <param name="SourceAddress">The translated source address.</param>
/// <param name="DestinationAddress">The translated destination address.</param>
public readonly record struct ExtendedNat(IpAddressValue SourceAddress, IpAddressValue DestinationAddress)
    : ISFlowRecord<ExtendedNat>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedNat value)
    {
        value = default;
        if (!reader.TryReadAddress(out var source) || !reader.TryReadAddress(out var destination))
        {
            return false;
        }

        value = new ExtendedNat(source, destination);
        return true;
    }
}
