namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2000 (<c>host_descr</c>): what the host is.</summary>
public readonly ref struct HostDescription : ISFlowRecord<HostDescription>
{
    private HostDescription(ReadOnlySpan<byte> hostname, ReadOnlySpan<byte> uuid, uint machineType, uint osName, ReadOnlySpan<byte> osRelease)
    {
        Hostname = hostname;
        Uuid = uuid;
        MachineType = machineType;
        OsName = osName;
        OsRelease = osRelease;
    }

    /// <summary>The host name (at most 64 bytes).</summary>
    public ReadOnlySpan<byte> Hostname { get; }

    /// <summary>The host's 16-byte UUID in network order (RFC 4122 text order).</summary>
    public ReadOnlySpan<byte> Uuid { get; }

    /// <summary>0 unknown, 1 other, 2 x86, 3 x86_64, 4 ia64, 5 sparc, 6 alpha, 7 powerpc, 8 m68k, 9 mips, 10 arm, 11 hppa, 12 s390.</summary>
    public uint MachineType { get; }

    /// <summary>0 unknown, 1 other, 2 Linux, 3 Windows, 4 Darwin, 5 HP-UX, 6 AIX, 7 DragonFly, 8 FreeBSD, 9 NetBSD, 10 OpenBSD, 11 OSF, 12 Solaris.</summary>
    public uint OsName { get; }

    /// <summary>The operating system release (at most 32 bytes).</summary>
    public ReadOnlySpan<byte> OsRelease { get; }

    /// <summary>The UUID as a <see cref="Guid"/>.</summary>
    public Guid UuidValue => new(Uuid, bigEndian: true);

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostDescription value)
    {
        value = default;
        if (!reader.TryReadVariableOpaque(64, out var hostname)
            || !reader.TryReadFixedOpaque(16, out var uuid)
            || !reader.TryReadFixed(8, out var fields))
        {
            return false;
        }

        var machineType = XdrFields.UInt32(fields, 0);
        var osName = XdrFields.UInt32(fields, 4);
        if (!reader.TryReadVariableOpaque(32, out var osRelease))
        {
            return false;
        }

        value = new HostDescription(hostname, uuid, machineType, osName, osRelease);
        return true;
    }
}
