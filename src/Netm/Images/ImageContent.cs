namespace NetworkMachinery.Netm.Images;

/// <summary>What an image is made of: its files and how its containers run.</summary>
/// <param name="Root">The root filesystem (the one layer).</param>
/// <param name="Config">Entrypoint, arguments, environment, working directory.</param>
internal sealed record ImageContent(RootFilesystem Root, ImageConfig Config);
