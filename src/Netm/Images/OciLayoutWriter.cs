using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Writes an OCI image layout directory (oci-layout, index.json, blobs/sha256/...) around a layer already in its blob
/// directory: what <c>skopeo copy oci:DIR:TAG docker://...</c> pushes to a registry.
/// </summary>
internal static class OciLayoutWriter
{
    /// <summary>Writes the config, the manifest, index.json (one entry per tag) and oci-layout; returns the manifest's digest.</summary>
    public static string Write(string layoutDirectory, ImageBlob layer, ImageBlob config, IReadOnlyList<string> references)
    {
        File.WriteAllBytes(ImageLayout.BlobPath(layoutDirectory, config.Digest), config.Content!);
        var manifest = Json(json =>
        {
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", ImageLayout.ManifestMediaType);
            json.WritePropertyName("config");
            WriteDescriptor(json, ImageLayout.ConfigMediaType, config);
            json.WriteStartArray("layers");
            WriteDescriptor(json, ImageLayout.LayerMediaType, layer);
            json.WriteEndArray();
        });
        var manifestBlob = new ImageBlob(Digest.Of(manifest), manifest.Length, manifest);
        File.WriteAllBytes(ImageLayout.BlobPath(layoutDirectory, manifestBlob.Digest), manifest);

        File.WriteAllBytes(Path.Combine(layoutDirectory, "index.json"), Json(json =>
        {
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", ImageLayout.IndexMediaType);
            json.WriteStartArray("manifests");
            foreach (var reference in references)
            {
                WriteDescriptor(json, ImageLayout.ManifestMediaType, manifestBlob, ImageLayout.TagOf(reference));
            }

            json.WriteEndArray();
        }));
        File.WriteAllBytes(Path.Combine(layoutDirectory, "oci-layout"), Json(json => json.WriteString("imageLayoutVersion", "1.0.0")));
        return manifestBlob.Digest;
    }

    private static void WriteDescriptor(Utf8JsonWriter json, string mediaType, ImageBlob blob, string? refName = null)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", mediaType);
        json.WriteString("digest", blob.Digest);
        json.WriteNumber("size", blob.Size);
        if (refName is not null)
        {
            json.WriteStartObject("annotations");
            json.WriteString(ImageLayout.RefNameAnnotation, refName);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
