using BenchmarkDotNet.Running;
using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Benchmarks.Pipeline;
using NetworkMachinery.Benchmarks.Prober;

// `pipeline`, `operator` and `prober` run whole-run timing programs (see the README.md of benchmarks/pipeline,
// benchmarks/operator and benchmarks/prober); anything else runs the BenchmarkDotNet benchmarks named on the command line (--filter).
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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
