using System.Diagnostics;

namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Builds images into a cache directory (<c>.cache/images</c> of the checkout): per image a directory named after the
/// hash of its inputs, holding a docker archive and an OCI layout of the same image. An image whose key is there
/// already is not written again; older keys of the same image are removed.
/// </summary>
internal sealed class ImageBuilder
{
    private readonly string _repositoryRoot;
    private readonly string _cacheDirectory;
    private readonly TextWriter _log;

    /// <summary>Creates a builder that caches under <paramref name="cacheDirectory"/>.</summary>
    public ImageBuilder(string repositoryRoot, string cacheDirectory, TextWriter log)
    {
        _repositoryRoot = repositoryRoot;
        _cacheDirectory = Path.GetFullPath(cacheDirectory);
        _log = log;
    }

    /// <summary>Builds one image (or finds it in the cache) and says so on the log.</summary>
    /// <exception cref="ImageException">A tool or host file is missing, or a build step failed.</exception>
    public async Task<BuiltImage> BuildAsync(IImageRecipe recipe, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var imageDirectory = Path.Combine(_cacheDirectory, recipe.Name);
        var workDirectory = Path.Combine(_cacheDirectory, "work", recipe.Name);
        Directory.CreateDirectory(workDirectory);
        var content = await recipe.PrepareAsync(new ImageBuildContext(_repositoryRoot, workDirectory, _log), cancellationToken);
        var key = ImageCacheKey.Compute(recipe.References, content);
        var directory = Path.Combine(imageDirectory, key);
        var image = BuiltImage.Load(directory) ?? Write(recipe, content, directory);
        RemoveOtherKeys(imageDirectory, key);
        await _log.WriteLineAsync(
            $"netm images: {recipe.Name,-8} {(image.FromCache ? "cached" : "built "),-6} {stopwatch.Elapsed.TotalSeconds,5:0.0} s  " +
            $"{image.LayerSize / 1024.0 / 1024.0,6:0.0} MiB  {string.Join(' ', image.References)}");
        return image;
    }

    private static BuiltImage Write(IImageRecipe recipe, ImageContent content, string directory)
    {
        // Written aside and renamed into place, so that an interrupted build never leaves a directory that looks complete.
        var staging = $"{directory}.tmp-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var layout = Path.Combine(staging, ImageLayout.OciLayoutDirectory);
        var blobs = Path.Combine(layout, "blobs", Digest.Algorithm);
        Directory.CreateDirectory(blobs);
        var layerTemp = Path.Combine(blobs, "layer.tmp");
        using (var layerFile = File.Create(layerTemp))
        {
            LayerWriter.Write(content.Root, layerFile);
        }

        var layer = new ImageBlob(Digest.OfFile(layerTemp), new FileInfo(layerTemp).Length);
        var layerPath = ImageLayout.BlobPath(layout, layer.Digest);
        File.Move(layerTemp, layerPath);
        var configJson = content.Config.ToJson(layer.Digest);
        var config = new ImageBlob(Digest.Of(configJson), configJson.Length, configJson);
        var manifestDigest = OciLayoutWriter.Write(layout, layer, config, recipe.References);
        DockerArchiveWriter.Write(Path.Combine(staging, ImageLayout.DockerArchiveFile), layerPath, layer, config, recipe.References);

        var image = new BuiltImage
        {
            Name = recipe.Name,
            References = recipe.References,
            Directory = staging,
            ConfigDigest = config.Digest,
            ManifestDigest = manifestDigest,
            LayerDigest = layer.Digest,
            LayerSize = layer.Size,
        };
        image.Save();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.Move(staging, directory);
        return image with { Directory = directory };
    }

    private static void RemoveOtherKeys(string imageDirectory, string key)
    {
        foreach (var other in Directory.EnumerateDirectories(imageDirectory))
        {
            if (Path.GetFileName(other) != key && !other.Contains(".tmp-", StringComparison.Ordinal))
            {
                Directory.Delete(other, recursive: true);
            }
        }
    }
}
