using System.Security.Cryptography;

namespace NetworkMachinery.Netm.Images;

/// <summary>Content digests in the <c>sha256:HEX</c> form that image configs, manifests and layouts use.</summary>
internal static class Digest
{
    /// <summary>The prefix of every digest.</summary>
    public const string Algorithm = "sha256";

    /// <summary>The digest of <paramref name="content"/>.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    /// <summary>The digest of a file's content.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Format(SHA256.HashData(stream));
    }

    /// <summary>The hex part of a digest: the blob's file name in an OCI layout, the layer's directory in a docker archive.</summary>
    public static string Hex(string digest) => digest[(Algorithm.Length + 1)..];

    private static string Format(byte[] hash) => $"{Algorithm}:{Convert.ToHexStringLower(hash)}";
}
