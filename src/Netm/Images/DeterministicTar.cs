using System.Formats.Tar;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Tar entries that carry nothing of the machine or the moment they were written: GNU format (long names), every time
/// stamp <see cref="Epoch"/>, owner and group root (0) without names.
/// </summary>
internal static class DeterministicTar
{
    /// <summary>The time stamp of every entry, and the image's creation time.</summary>
    public static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>An entry of the given type, name and permission bits.</summary>
    public static GnuTarEntry Entry(TarEntryType type, string name, UnixFileMode mode) => new(type, name)
    {
        Mode = mode,
        Uid = 0,
        Gid = 0,
        UserName = "",
        GroupName = "",
        ModificationTime = Epoch,
        AccessTime = Epoch,
        ChangeTime = Epoch,
    };
}
