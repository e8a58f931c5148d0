namespace NetworkMachinery.Netm.Images;

/// <summary>A blob of an image: its digest, its size and, for the small ones (config, manifest), its bytes.</summary>
/// <param name="Digest">The sha256 digest.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Content">The bytes, for blobs held in memory; null for the layer, which lives in a file.</param>
internal sealed record ImageBlob(string Digest, long Size, byte[]? Content = null);
