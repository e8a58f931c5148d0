namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>Objects created at once; times in seconds from the first create.</summary>
/// <param name="Count">Objects created.</param>
/// <param name="CreatesSeconds">Until every create returned.</param>
/// <param name="AddedSeconds">Until the watcher had every ADDED event (the peer).</param>
/// <param name="StatusSeconds">Until every object's status was seen.</param>
/// <param name="JudgedSeconds">Until every object's run was judged (no prober runs: each after its budget).</param>
/// <param name="CreateToStatus">Each object's create request until its status was seen (ms).</param>
/// <param name="MaxRssMiB">The operator's highest VmRSS sampled every 100 ms during the burst.</param>
internal sealed record BurstResult(int Count, double CreatesSeconds, double AddedSeconds, double StatusSeconds, double JudgedSeconds, Latencies CreateToStatus, double MaxRssMiB);
