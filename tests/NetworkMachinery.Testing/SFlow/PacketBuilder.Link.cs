using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <content>Ethernet and 802.1Q / 802.1ad tags.</content>
public sealed partial class PacketBuilder
{
    /// <summary>The EtherType of an 802.1Q tag.</summary>
    public const ushort TpidVlan = 0x8100;

    /// <summary>The EtherType of an 802.1ad (QinQ) service tag.</summary>
    public const ushort TpidQinQ = 0x88A8;

    /// <summary>
    /// Appends an Ethernet II header. Its EtherType is that of the next layer, or <paramref name="etherType"/>
    /// when given (for a payload this builder has no layer for, such as ARP).
    /// </summary>
    public PacketBuilder Ethernet(MacAddress source, MacAddress destination, ushort? etherType = null)
    {
        LinkFromPrevious("Ethernet", etherType: 0x6558, ipProtocol: null);
        WriteMac(destination);
        WriteMac(source);
        if (etherType is { } type)
        {
            WriteUInt16(type);
        }
        else
        {
            ExpectNext(NextFieldKind.EtherType, Length);
            WriteUInt16(0);
        }

        return this;
    }

    /// <summary>Appends a VLAN tag: <paramref name="tpid"/> 0x8100 for 802.1Q, 0x88A8 (or 0x9100) for a QinQ outer tag.</summary>
    public PacketBuilder Vlan(ushort id, byte priority = 0, ushort tpid = TpidVlan)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(id, (ushort)0x0FFF);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, (byte)7);
        LinkFromPrevious("VLAN tag", tpid, ipProtocol: null);
        WriteUInt16((ushort)((priority << 13) | id));
        ExpectNext(NextFieldKind.EtherType, Length);
        WriteUInt16(0);
        return this;
    }

    private void WriteMac(MacAddress mac)
    {
        for (var shift = 40; shift >= 0; shift -= 8)
        {
            WriteByte((byte)(mac.Value >> shift));
        }
    }
}
