namespace NetworkMachinery.Netm.Manifests;

/// <summary>What <see cref="ManifestFiles.Load"/> found.</summary>
internal sealed class LoadedManifests
{
    /// <summary>The valid resources of the kinds asked for, in file and document order.</summary>
    public List<object> Resources { get; } = [];

    /// <summary>What is wrong, each with where it is and how to fix it.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Documents of other kinds, passed over.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>The resources of type <typeparamref name="T"/>.</summary>
    public List<T> Of<T>() => [.. Resources.OfType<T>()];
}
