using System.Runtime.InteropServices;

namespace NetworkMachinery.Benchmarks;

/// <summary>
/// What the whole-run programs (<c>pipeline</c>, <c>operator</c>) share around their run: <c>--help</c>, options that
/// do not parse (exit code 2), and SIGINT or SIGTERM, which cancel the run's token so that its disposals and finally
/// blocks stop whatever it started (exit code 130).
/// </summary>
internal static class WholeRun
{
    public static async Task<int> RunAsync<TOptions>(
        string name, IReadOnlyList<string> args, string usage, Func<IReadOnlyList<string>, TOptions> parse, Func<TOptions, CancellationToken, Task<int>> run)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            Console.WriteLine(usage);
            return 0;
        }

        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{name}: {e.Message}\n\n{usage}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return await run(options, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{name}: interrupted; what the run started is stopped");
            return 130;
        }
    }
}
