using BenchmarkDotNet.Attributes;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// Flow records evaluated per second against 100 rules (issue 7), single-threaded, records pre-decoded: the engine
/// against the naive peer (every rule evaluated per record) in the same run. Each invocation evaluates the 65,536
/// records once; OperationsPerInvoke makes the times per record. Windows do not move during a run (no Advance), so
/// the tables reach the steady state of the record set's keys in the warm-up.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const int Records = 65_536;

    private FlowMessage[] _records = [];
    private MonitorEngine _engine = null!;
    private NaiveRuleEvaluator _naive = null!;

    /// <summary>realistic: the mix of <see cref="RuleMix.Realistic"/>; all-match: every rule passes every record.</summary>
    [Params("realistic", "all-match")]
    public string Rules { get; set; } = "realistic";

    [GlobalSetup]
    public void Setup()
    {
        _records = FlowRecords.Create(Records, seed: 7);
        var monitors = Rules == "realistic" ? RuleMix.Realistic() : RuleMix.AllMatch();
        _engine = new MonitorEngine();
        var problems = _engine.Apply(monitors);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        _naive = new NaiveRuleEvaluator(monitors);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public void Naive()
    {
        foreach (var record in _records)
        {
            _naive.Observe(record);
        }
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void Engine()
    {
        foreach (var record in _records)
        {
            _engine.Observe(record);
        }
    }
}
