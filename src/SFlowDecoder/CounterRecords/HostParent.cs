namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2002 (<c>host_parent</c>): the data source of the host that contains this virtual host.</summary>
/// <param name="ContainerType">The container's data source type.</param>
/// <param name="ContainerIndex">The container's data source index.</param>
public readonly record struct HostParent(uint ContainerType, uint ContainerIndex) : ISFlowRecord<HostParent>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostParent value)
    {
        if (!reader.TryEnsure(8))
        {
            value = default;
            return false;
        }

        value = new HostParent(reader.ReadUInt32(), reader.ReadUInt32());
        return true;
    }
}
