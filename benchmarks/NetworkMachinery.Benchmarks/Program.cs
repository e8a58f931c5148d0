using BenchmarkDotNet.Running;
using NetworkMachinery.Benchmarks.Alerting;
using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Benchmarks.Pipeline;
using NetworkMachinery.Benchmarks.Prober;

// `pipeline`, `operator`, `prober` and `alerting` run whole-run timing programs (see the README.md of benchmarks/pipeline,
// benchmarks/operator, benchmarks/prober and benchmarks/alerting); anything else runs the BenchmarkDotNet benchmarks named on the command line (--filter).
if (args is ["pipeline", ..])
{
    return await PipelineCommand.RunAsync(args[1..]);
}

if (args is ["operator", ..])
{
    return await OperatorBenchCommand.RunAsync(args[1..]);
}

if (args is ["prober", ..])
{
    return await ProberBenchCommand.RunAsync(args[1..]);
}

if (args is ["alerting", ..])
{
    return await AlertingBenchCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
