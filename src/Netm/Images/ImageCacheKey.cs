using System.Security.Cryptography;
using System.Text;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// The cache key of an image: a hash of everything that goes into it (format version, references, config, and every
/// path with its kind, mode, link target and content hash), so that an image whose inputs did not change is not
/// written again, and a changed input (a rebuilt binary, an upgraded library) always is.
/// </summary>
internal static class ImageCacheKey
{
    // Raise it when the writers change what they write for the same inputs.
    private const string FormatVersion = "netm-images-2";

    /// <summary>The key, 32 hex digits (128 bits of the sha256).</summary>
    public static string Compute(IReadOnlyList<string> references, ImageContent content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, FormatVersion);
        foreach (var reference in references)
        {
            Append(hash, reference);
        }

        hash.AppendData(content.Config.ToJson(layerDiffId: ""));
        foreach (var entry in content.Root.Entries)
        {
            Append(hash, $"{entry.Path}\0{entry.Kind}\0{(int)entry.Mode}\0{entry.LinkTarget}");
            if (entry.Kind == RootEntryKind.File)
            {
                using var stream = entry.OpenContent();
                Append(hash, Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
