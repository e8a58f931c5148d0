namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1004 (<c>extended_user</c>): the users (RADIUS, TACACS, ...) behind the source and destination.</summary>
public readonly ref struct ExtendedUser : ISFlowRecord<ExtendedUser>
{
    private ExtendedUser(uint sourceCharset, ReadOnlySpan<byte> sourceUser, uint destinationCharset, ReadOnlySpan<byte> destinationUser)
    {
        SourceCharset = sourceCharset;
        SourceUser = sourceUser;
        DestinationCharset = destinationCharset;
        DestinationUser = destinationUser;
    }

    /// <summary>IANA MIBenum of the source user's character set (106 = UTF-8, 0 = unknown).</summary>
    public uint SourceCharset { get; }

    /// <summary>The source user's name, in <see cref="SourceCharset"/>.</summary>
    public ReadOnlySpan<byte> SourceUser { get; }

    /// <summary>IANA MIBenum of the destination user's character set.</summary>
    public uint DestinationCharset { get; }

    /// <summary>The destination user's name, in <see cref="DestinationCharset"/>.</summary>
    public ReadOnlySpan<byte> DestinationUser { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedUser value)
    {
        value = default;
        if (!reader.TryReadUInt32(out var sourceCharset)
            || !reader.TryReadVariableOpaque(uint.MaxValue, out var sourceUser)
            || !reader.TryReadUInt32(out var destinationCharset)
            || !reader.TryReadVariableOpaque(uint.MaxValue, out var destinationUser))
        {
            return false;
        }

        value = new ExtendedUser(sourceCharset, sourceUser, destinationCharset, destinationUser);
        return true;
    }
}
