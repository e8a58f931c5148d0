namespace NetworkMachinery.Netm.Images;

/// <summary>The media types and file names of the two archive formats written.</summary>
internal static class ImageLayout
{
    /// <summary>An OCI image manifest.</summary>
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>An OCI image index (index.json).</summary>
    public const string IndexMediaType = "application/vnd.oci.image.index.v1+json";

    /// <summary>An OCI image config.</summary>
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";

    /// <summary>An uncompressed layer tar (registries accept it; skopeo can compress on the way).</summary>
    public const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>The annotation that names a manifest of an OCI layout (<c>oci:DIR:NAME</c> in skopeo).</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    /// <summary>The docker archive's file in an image's cache directory.</summary>
    public const string DockerArchiveFile = "docker-archive.tar";

    /// <summary>The OCI layout's directory in an image's cache directory.</summary>
    public const string OciLayoutDirectory = "oci";

    /// <summary>The path of a blob inside an OCI layout.</summary>
    public static string BlobPath(string layoutDirectory, string digest) =>
        Path.Combine(layoutDirectory, "blobs", Digest.Algorithm, Digest.Hex(digest));

    /// <summary>The tag of a reference (<c>dev</c> of <c>localhost/networkmachinery/netm:dev</c>), an OCI layout's ref name.</summary>
    public static string TagOf(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : "latest";
    }
}
