namespace NetworkMachinery.Netm.Images;

/// <summary>One path of a root filesystem, relative to <c>/</c> and without a leading slash (<c>usr/bin/env</c>).</summary>
/// <param name="Path">The path inside the image.</param>
/// <param name="Kind">Directory, file or symbolic link.</param>
/// <param name="Mode">Permission bits (owner is always root).</param>
/// <param name="SourcePath">A file's content: the host file it is copied from; null when <paramref name="Content"/> holds it.</param>
/// <param name="Content">A file's content held in memory.</param>
/// <param name="LinkTarget">A symbolic link's target.</param>
internal sealed record RootEntry(
    string Path,
    RootEntryKind Kind,
    UnixFileMode Mode,
    string? SourcePath = null,
    byte[]? Content = null,
    string? LinkTarget = null)
{
    /// <summary>Opens a file's content for reading.</summary>
    public Stream OpenContent() =>
        SourcePath is not null ? File.OpenRead(SourcePath) : new MemoryStream(Content ?? [], writable: false);
}
