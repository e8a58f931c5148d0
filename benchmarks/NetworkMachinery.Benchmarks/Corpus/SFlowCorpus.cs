using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Benchmarks.Corpus;

/// <summary>Where the benchmarks' datagrams come from.</summary>
public static class SFlowCorpus
{
    /// <summary>The committed corpus of real Open vSwitch datagrams, or the capture named by NETM_CORPUS.</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("NETM_CORPUS") is { Length: > 0 } path ? path : RepositoryPaths.OvsCorpus;
}
