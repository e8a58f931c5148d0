using BenchmarkDotNet.Running;
using NetworkMachinery.Benchmarks.Pipeline;

// `pipeline` runs the end-to-end pipeline benchmark (a whole-run timing program, see benchmarks/pipeline/README.md);
// anything else runs the BenchmarkDotNet benchmarks named on the command line (--filter).
if (args is ["pipeline", ..])
{
    return await PipelineCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
