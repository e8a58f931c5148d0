namespace NetworkMachinery.SFlow;

/// <summary>The data source of a sample (<c>sflow_data_source</c>): a type and an index.</summary>
/// <param name="Type">0 = ifIndex, 1 = smonVlanDataSource, 2 = entPhysicalEntry, 3 = entLogicalEntry.</param>
/// <param name="Index">The ifIndex, VLAN id or entity index.</param>
public readonly record struct DataSource(uint Type, uint Index)
{
    /// <summary>Splits a compact source id: the type in the top 8 bits, the index in the low 24.</summary>
    public static DataSource FromCompact(uint sourceId) => new(sourceId >> 24, sourceId & 0x00FF_FFFF);
}
