using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace NetworkMachinery.Operator.Tests.Images;

/// <summary>A docker archive read back: every file's bytes by name, and the digest helpers the checks need.</summary>
internal sealed class ImageArchive
{
    private ImageArchive(Dictionary<string, byte[]> files) => Files = files;

    /// <summary>The archive's regular files by name.</summary>
    public Dictionary<string, byte[]> Files { get; }

    /// <summary>manifest.json's only entry.</summary>
    public JsonElement Manifest => Single(JsonDocument.Parse(Files["manifest.json"]).RootElement);

    /// <summary>Reads the archive at <paramref name="path"/>.</summary>
    public static ImageArchive Read(string path) => new(ReadTar(File.OpenRead(path)));

    /// <summary>The entries of a tar (a layer): name to entry, in the order they were written.</summary>
    public static List<TarEntry> Entries(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The <c>sha256:HEX</c> digest of <paramref name="content"/>.</summary>
    public static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static Dictionary<string, byte[]> ReadTar(Stream stream)
    {
        using var reader = new TarReader(stream);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.RegularFile && entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                files[entry.Name] = copy.ToArray();
            }
        }

        return files;
    }

    private static JsonElement Single(JsonElement array)
    {
        Assert.Equal(1, array.GetArrayLength());
        return array[0];
    }
}
