using System.Text.Json;

namespace NetworkMachinery.Netm.Images;

/// <summary>An image written into the cache: where its archives are and what identifies it.</summary>
internal sealed record BuiltImage
{
    private const string RecordFile = "image.json";

    /// <summary>The recipe's name (<c>pause</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The image's references; the docker archive's RepoTags.</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>The directory holding both archives.</summary>
    public required string Directory { get; init; }

    /// <summary>The config's digest: the image id that containerd shows.</summary>
    public required string ConfigDigest { get; init; }

    /// <summary>The OCI manifest's digest: the digest a registry shows after a push.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>The layer tar's digest, the config's only diff id.</summary>
    public required string LayerDigest { get; init; }

    /// <summary>The layer's size in bytes (the image's unpacked size, near enough).</summary>
    public required long LayerSize { get; init; }

    /// <summary>True when the cache had it and nothing was written.</summary>
    public bool FromCache { get; init; }

    /// <summary>The docker archive (for <c>ctr images import</c>).</summary>
    public string DockerArchive => Path.Combine(Directory, ImageLayout.DockerArchiveFile);

    /// <summary>The OCI image layout directory (for <c>skopeo copy oci:DIR:TAG</c>).</summary>
    public string OciLayout => Path.Combine(Directory, ImageLayout.OciLayoutDirectory);

    /// <summary>The image of a complete cache directory, or null when the directory is missing or incomplete.</summary>
    public static BuiltImage? Load(string directory)
    {
        var record = Path.Combine(directory, RecordFile);
        if (!File.Exists(record))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(record));
        var root = json.RootElement;
        var image = new BuiltImage
        {
            Name = root.GetProperty("name").GetString()!,
            References = [.. root.GetProperty("references").EnumerateArray().Select(reference => reference.GetString()!)],
            Directory = directory,
            ConfigDigest = root.GetProperty("configDigest").GetString()!,
            ManifestDigest = root.GetProperty("manifestDigest").GetString()!,
            LayerDigest = root.GetProperty("layerDigest").GetString()!,
            LayerSize = root.GetProperty("layerSize").GetInt64(),
            FromCache = true,
        };
        return File.Exists(image.DockerArchive) && System.IO.Directory.Exists(image.OciLayout) ? image : null;
    }

    /// <summary>Writes the record that <see cref="Load"/> reads; written last, it marks the directory complete.</summary>
    public void Save()
    {
        using var file = File.Create(Path.Combine(Directory, RecordFile));
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("name", Name);
        json.WriteStartArray("references");
        foreach (var reference in References)
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
        json.WriteString("configDigest", ConfigDigest);
        json.WriteString("manifestDigest", ManifestDigest);
        json.WriteString("layerDigest", LayerDigest);
        json.WriteNumber("layerSize", LayerSize);
        json.WriteEndObject();
    }
}
