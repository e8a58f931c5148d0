namespace NetworkMachinery.Netm.Images;

/// <summary>What a path of a root filesystem is.</summary>
internal enum RootEntryKind
{
    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A regular file, with content from a host file or from memory.</summary>
    File,

    /// <summary>A symbolic link.</summary>
    SymbolicLink,
}
