namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2002 (<c>host_parent</c>): the data source of the host that contains this virtual host.</summary>
/// <param name="ContainerType">The container's data source type.</param>
/// <param name="ContainerIndex">The container's data source index.</param>
public readonly record struct HostParent(uint ContainerType, uint ContainerIndex) : ISFlowRecord<HostParent>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostParent value)
    {
        if (!reader.TryReadFixed(8, out var fields))
        {
            value = default;
            return false;
        }

        value = new HostParent(XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4));
        return true;
    }
}
