using NetworkMachinery.Netm.DevCluster;

namespace NetworkMachinery.Testing.Repository;

/// <summary>Paths in the repository the tests and benchmarks run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the running program that holds the solution.</summary>
    public static string Root { get; } = Checkout.Root
        ?? throw new DirectoryNotFoundException("Cannot find the repository root (NetworkMachinery.slnx) above " + AppContext.BaseDirectory);

    /// <summary>The CustomResourceDefinitions, generated from the C# models into the helm chart's crds/.</summary>
    public static string Crds => Path.Combine(Root, "deploy", "helm", "networkmachinery", "crds");

    /// <summary>The committed capture of real Open vSwitch sFlow datagrams.</summary>
    public static string OvsCorpus => Path.Combine(Root, "testdata", "ovs-sflow.pcap");
}
