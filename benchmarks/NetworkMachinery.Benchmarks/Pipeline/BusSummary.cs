namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>A bus's result over the run: the highest rate it sustained (lossless and kept up) and where it stopped.</summary>
internal sealed record BusSummary(BusKind Bus, StepResult? HighestSustained, int? FirstNotSustainedRate, bool SustainedEveryRate)
{
    /// <summary>Flow records/s of the highest sustained step; 0 when none was.</summary>
    public double FlowRecordsPerSecond => HighestSustained?.FlowRecordsPerSecond ?? 0;

    public static BusSummary Of(BusKind bus, IEnumerable<StepResult> steps)
    {
        var ofBus = steps.Where(s => s.Bus == bus).OrderBy(s => s.TargetRate).ToList();
        var highest = ofBus.Where(s => s.Sustained).MaxBy(s => s.TargetRate);
        var firstFailed = ofBus.FirstOrDefault(s => !s.Sustained)?.TargetRate;
        return new BusSummary(bus, highest, firstFailed, ofBus.Count > 0 && firstFailed is null);
    }
}
