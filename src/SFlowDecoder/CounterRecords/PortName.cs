namespace NetworkMachinery.SFlow;

/// <summary>Counter record 1005 (<c>port_name</c>): the interface's name, as the agent knows it.</summary>
public readonly ref struct PortName : ISFlowRecord<PortName>
{
    /// <summary>The bound the format puts on the name.</summary>
    public const int MaxLength = 255;

    private PortName(ReadOnlySpan<byte> name) => Name = name;

    /// <summary>The name's bytes (UTF-8 in practice).</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out PortName value)
    {
        var ok = reader.TryReadVariableOpaque(MaxLength, out var name);
        value = new PortName(name);
        return ok;
    }
}
