namespace NetworkMachinery.Testing.Repository;

/// <summary>Paths in the repository the tests and benchmarks run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the running program that holds the solution.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed capture of real Open vSwitch sFlow datagrams.</summary>
    public static string OvsCorpus => Path.Combine(Root, "testdata", "ovs-sflow.pcap");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkMachinery.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository root (NetworkMachinery.slnx) above " + AppContext.BaseDirectory);
    }
}
