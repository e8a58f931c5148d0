namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>CPU seconds used over a step's window.</summary>
internal sealed record CpuUsage(
    double WindowSeconds,
    double ProcessSeconds,
    double BrokerSeconds,
    double ZooKeeperSeconds,
    double ReplayerSeconds,
    double BackgroundPercent,
    IReadOnlyDictionary<string, double> ProcessThreads,
    IReadOnlyDictionary<string, double> BrokerThreads);
