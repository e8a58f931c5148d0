namespace NetworkMachinery.Netm.Images;

/// <summary>One image: its name, its references, and how its content is gathered from the host.</summary>
internal interface IImageRecipe
{
    /// <summary>A short name (<c>pause</c>): the cache directory's and the output files' name.</summary>
    string Name { get; }

    /// <summary>The image's references (<c>localhost/networkmachinery/pause:dev</c>); the first is the main one.</summary>
    IReadOnlyList<string> References { get; }

    /// <summary>
    /// Gathers the files (building what needs building, e.g. compiling or publishing into
    /// <see cref="ImageBuildContext.WorkDirectory"/>) without writing the image.
    /// </summary>
    /// <exception cref="ImageException">A tool or host file is missing, or a build step failed.</exception>
    Task<ImageContent> PrepareAsync(ImageBuildContext context, CancellationToken cancellationToken);
}
