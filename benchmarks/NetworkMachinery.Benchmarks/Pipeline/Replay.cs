using System.Globalization;
using System.Text.Json;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>What <c>netm replay</c> reported: the fields of its JSON line the benchmark uses.</summary>
internal sealed record Replay(long Sent, double Rate, double ElapsedSeconds, double StalledSeconds, long SendErrors, long FlowSamples, long CounterSamples, double CpuSeconds)
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <c>./netm replay PCAP --to 127.0.0.1:PORT --rate RATE --duration SECONDS</c> as a child process and waits
    /// for it; it is stopped by its PID if this is cancelled or it overruns.
    /// </summary>
    /// <exception cref="ProcessFailedException">The replayer failed.</exception>
    public static async Task<Replay> RunAsync(string pcap, int port, int rate, int seconds, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "replay", pcap, "--to", $"127.0.0.1:{port}",
            "--rate", rate.ToString(CultureInfo.InvariantCulture), "--duration", seconds.ToString(CultureInfo.InvariantCulture),
        ];
        await using var process = BackgroundProcess.Start(Path.Combine(RepositoryPaths.Root, "netm"), arguments);
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(seconds) + Slack, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ProcessFailedException(result);
        }

        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var json = JsonDocument.Parse(line).RootElement;
        return new Replay(
            json.GetProperty("sent").GetInt64(),
            json.GetProperty("rate").GetDouble(),
            json.GetProperty("elapsedSeconds").GetDouble(),
            json.GetProperty("stalledSeconds").GetDouble(),
            json.GetProperty("sendErrors").GetInt64(),
            json.GetProperty("flowSamples").GetInt64(),
            json.GetProperty("counterSamples").GetInt64(),
            json.GetProperty("cpuSeconds").GetDouble());
    }
}
