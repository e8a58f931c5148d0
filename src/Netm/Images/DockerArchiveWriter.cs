using System.Formats.Tar;
using System.Text.Json;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Writes a docker archive (what <c>docker save</c> writes and <c>ctr images import</c> reads): the config as
/// <c>HEX.json</c>, the layer as <c>HEX/layer.tar</c>, and manifest.json naming them with the image's references
/// (RepoTags), which the import turns into image names.
/// </summary>
internal static class DockerArchiveWriter
{
    /// <summary>Writes the archive to <paramref name="archivePath"/>.</summary>
    public static void Write(string archivePath, string layerPath, ImageBlob layer, ImageBlob config, IReadOnlyList<string> references)
    {
        var configName = Digest.Hex(config.Digest) + ".json";
        var layerName = Digest.Hex(layer.Digest) + "/layer.tar";
        using var archive = File.Create(archivePath);
        using var writer = new TarWriter(archive, TarEntryFormat.Gnu, leaveOpen: true);
        WriteDirectory(writer, Digest.Hex(layer.Digest) + "/");
        using (var layerContent = File.OpenRead(layerPath))
        {
            WriteFile(writer, layerName, layerContent);
        }

        WriteFile(writer, configName, new MemoryStream(config.Content!, writable: false));
        WriteFile(writer, "manifest.json", new MemoryStream(Manifest(configName, layerName, references), writable: false));
    }

    private static byte[] Manifest(string configName, string layerName, IReadOnlyList<string> references)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("Config", configName);
            json.WriteStartArray("RepoTags");
            foreach (var reference in references)
            {
                json.WriteStringValue(reference);
            }

            json.WriteEndArray();
            json.WriteStartArray("Layers");
            json.WriteStringValue(layerName);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static void WriteDirectory(TarWriter writer, string name) =>
        writer.WriteEntry(DeterministicTar.Entry(TarEntryType.Directory, name, (UnixFileMode)0b111_101_101));

    private static void WriteFile(TarWriter writer, string name, Stream content)
    {
        var entry = DeterministicTar.Entry(TarEntryType.RegularFile, name, (UnixFileMode)0b110_100_100);
        entry.DataStream = content;
        writer.WriteEntry(entry);
    }
}
