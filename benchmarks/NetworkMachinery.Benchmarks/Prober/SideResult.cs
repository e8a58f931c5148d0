namespace NetworkMachinery.Benchmarks.Prober;

/// <summary>What one side of the run did: probes finished and answered in its time, and the machine CPU it took.</summary>
internal sealed record SideResult(string Name, int Probes, int Answered, TimeSpan Elapsed, TimeSpan MachineCpu, double PeakRssMiB)
{
    public double Rate => Probes / Elapsed.TotalSeconds;

    /// <summary>CPU cores busy per 1,000 probes/s.</summary>
    public double CoresPerThousand => MachineCpu.TotalSeconds / Elapsed.TotalSeconds / (Rate / 1000);
}
