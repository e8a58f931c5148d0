using BenchmarkDotNet.Running;
using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Benchmarks.Pipeline;

// `pipeline` and `operator` run whole-run timing programs (see benchmarks/pipeline/README.md and
// benchmarks/operator/README.md); anything else runs the BenchmarkDotNet benchmarks named on the command line (--filter).
if (args is ["pipeline", ..])
{
    return await PipelineCommand.RunAsync(args[1..]);
}

if (args is ["operator", ..])
{
    return await OperatorBenchCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
