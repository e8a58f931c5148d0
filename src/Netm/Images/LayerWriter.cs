using System.Formats.Tar;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Writes a root filesystem as an uncompressed layer tar that is the same bytes for the same files: entries in path
/// order (parents first), written by <see cref="DeterministicTar"/>.
/// </summary>
internal static class LayerWriter
{
    /// <summary>Writes <paramref name="root"/> to <paramref name="destination"/>, which stays open.</summary>
    public static void Write(RootFilesystem root, Stream destination)
    {
        using var writer = new TarWriter(destination, TarEntryFormat.Gnu, leaveOpen: true);
        foreach (var entry in root.Entries)
        {
            switch (entry.Kind)
            {
                case RootEntryKind.Directory:
                    writer.WriteEntry(DeterministicTar.Entry(TarEntryType.Directory, entry.Path + "/", entry.Mode));
                    break;
                case RootEntryKind.SymbolicLink:
                    var link = DeterministicTar.Entry(TarEntryType.SymbolicLink, entry.Path, entry.Mode);
                    link.LinkName = entry.LinkTarget!;
                    writer.WriteEntry(link);
                    break;
                default:
                    using (var content = entry.OpenContent())
                    {
                        var file = DeterministicTar.Entry(TarEntryType.RegularFile, entry.Path, entry.Mode);
                        file.DataStream = content;
                        writer.WriteEntry(file);
                    }

                    break;
            }
        }
    }
}
