namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>What an operator benchmark run measured; memory in MiB.</summary>
/// <param name="Sequential">Objects created, then changed, one at a time.</param>
/// <param name="Burst">Objects created at once.</param>
/// <param name="IdleRssMiB">The operator's VmRSS once ready and idle, before any object existed (the peer of the burst's memory).</param>
/// <param name="PeakRssMiB">The operator's VmHWM at the end: the kernel's record of its peak resident memory over the whole run.</param>
internal sealed record OperatorBenchResult(SequentialResult Sequential, BurstResult Burst, double IdleRssMiB, double PeakRssMiB);
