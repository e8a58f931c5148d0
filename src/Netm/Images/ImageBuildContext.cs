namespace NetworkMachinery.Netm.Images;

/// <summary>Where a recipe finds its sources and puts its intermediate files.</summary>
/// <param name="RepositoryRoot">The checkout (sources such as pause.c, the netm project).</param>
/// <param name="WorkDirectory">A directory of the recipe's own for build output, kept between builds.</param>
/// <param name="Log">Progress for the user (netm's stderr).</param>
internal sealed record ImageBuildContext(string RepositoryRoot, string WorkDirectory, TextWriter Log);
