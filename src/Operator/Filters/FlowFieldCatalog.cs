using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Filters;

/// <summary>
/// What filters and flow keys know about each field: its name, how it is written, its largest value, how many bits a
/// flow key needs for it, how to read it from <see cref="FlowFields"/> and how to print it in an event.
/// </summary>
internal static class FlowFieldCatalog
{
    private static readonly string[] Names =
    [
        FlowKey.Agent, FlowKey.InIf, FlowKey.OutIf, FlowKey.SrcMac, FlowKey.DstMac, FlowKey.Etype, FlowKey.Vlan,
        FlowKey.SrcAddr, FlowKey.DstAddr, FlowKey.Proto, FlowKey.Tos, FlowKey.SrcPort, FlowKey.DstPort,
        FlowKey.TcpFlags, FlowKey.IcmpType, FlowKey.IcmpCode, FlowKey.Vni,
    ];

    /// <summary>Every field name, in <see cref="FilterField"/> order.</summary>
    public static IReadOnlyList<string> AllNames => Names;

    /// <summary>The field called <paramref name="name"/> (case-sensitive, as in the resources).</summary>
    public static bool TryGet(string name, out FilterField field)
    {
        var index = Array.IndexOf(Names, name);
        field = (FilterField)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The field's name.</summary>
    public static string Name(FilterField field) => Names[(int)field];

    /// <summary>How the field is written.</summary>
    public static FieldKind Kind(FilterField field) => field switch
    {
        FilterField.Agent or FilterField.SrcAddr or FilterField.DstAddr => FieldKind.Address,
        FilterField.SrcMac or FilterField.DstMac => FieldKind.Mac,
        _ => FieldKind.Number,
    };

    /// <summary>The bits a flow key needs for the field.</summary>
    public static int Bits(FilterField field) => field switch
    {
        FilterField.Agent or FilterField.SrcAddr or FilterField.DstAddr => 128,
        FilterField.SrcMac or FilterField.DstMac => 48,
        FilterField.InIf or FilterField.OutIf => 32,
        FilterField.Vni => 24,
        FilterField.Etype or FilterField.SrcPort or FilterField.DstPort => 16,
        FilterField.Vlan or FilterField.TcpFlags => 12,
        _ => 8,
    };

    /// <summary>The largest value the field can have.</summary>
    public static UInt128 Max(FilterField field) => Bits(field) == 128 ? UInt128.MaxValue : (UInt128.One << Bits(field)) - 1;

    /// <summary>The field's value in <paramref name="record"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt128 Read(in FlowFields record, FilterField field) => field switch
    {
        FilterField.Agent => record.Agent,
        FilterField.SrcAddr => record.SrcAddr,
        FilterField.DstAddr => record.DstAddr,
        _ => Small(record, field),
    };

    /// <summary>The value of a field of at most 64 bits in <paramref name="record"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Small(in FlowFields record, FilterField field) => field switch
    {
        FilterField.InIf => record.InIf,
        FilterField.OutIf => record.OutIf,
        FilterField.SrcMac => record.SrcMac,
        FilterField.DstMac => record.DstMac,
        FilterField.Etype => record.Etype,
        FilterField.Vlan => record.Vlan,
        FilterField.Proto => record.Proto,
        FilterField.Tos => record.Tos,
        FilterField.SrcPort => record.SrcPort,
        FilterField.DstPort => record.DstPort,
        FilterField.TcpFlags => record.TcpFlags,
        FilterField.IcmpType => record.IcmpType,
        FilterField.IcmpCode => record.IcmpCode,
        FilterField.Vni => record.Vni,
        _ => 0,
    };

    /// <summary>The value as an event shows it: an address as text (IPv4 without the mapping), a MAC with colons, a number in decimal.</summary>
    public static string Format(FilterField field, UInt128 value) => Kind(field) switch
    {
        FieldKind.Address => FormatAddress(value),
        FieldKind.Mac => string.Join(':', Enumerable.Range(0, 6).Select(i => ((byte)((ulong)value >> (40 - (8 * i)))).ToString("x2", CultureInfo.InvariantCulture))),
        _ => ((ulong)value).ToString(CultureInfo.InvariantCulture),
    };

    private static string FormatAddress(UInt128 value)
    {
        if (value == UInt128.Zero)
        {
            return "";
        }

        if (value >> 32 == 0xffff)
        {
            return new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)value)).ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }
}
