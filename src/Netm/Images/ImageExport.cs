namespace NetworkMachinery.Netm.Images;

/// <summary>Copies a built image out of the cache: <c>NAME.tar</c> (docker archive) and <c>NAME/</c> (OCI image layout).</summary>
internal static class ImageExport
{
    /// <summary>Copies both archives into <paramref name="directory"/> (created if needed); returns the docker archive's path.</summary>
    public static string CopyTo(BuiltImage image, string directory)
    {
        Directory.CreateDirectory(directory);
        var archive = Path.GetFullPath(Path.Combine(directory, image.Name + ".tar"));
        File.Copy(image.DockerArchive, archive, overwrite: true);
        var layout = Path.Combine(directory, image.Name);
        if (Directory.Exists(layout))
        {
            Directory.Delete(layout, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(image.OciLayout, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(layout, Path.GetRelativePath(image.OciLayout, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return archive;
    }
}
