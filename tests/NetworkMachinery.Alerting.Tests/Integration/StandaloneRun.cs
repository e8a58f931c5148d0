using System.Text.Json;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// <c>netm run</c> as a process (in a network namespace the test made, or here) over a directory of manifests that
/// lives as long as it does; its stdout's event lines parsed.
/// </summary>
internal sealed class StandaloneRun : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory;

    private StandaloneRun(string directory, BackgroundProcess process)
    {
        _directory = directory;
        Process = process;
    }

    /// <summary>The process.</summary>
    public BackgroundProcess Process { get; }

    /// <summary>The events printed on stdout so far, one JSON object each.</summary>
    public IReadOnlyList<JsonElement> Events =>
        [.. Process.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>Writes <paramref name="manifest"/> into a fresh directory and starts <c>netm run -f</c> on it.</summary>
    public static async Task<StandaloneRun> StartAsync(string manifest, int sflowPort, NetworkNamespace? ns = null, IEnumerable<string>? extraArguments = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"nmt-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "manifests.yaml"), manifest);
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "netm.dll"), "run", "-f", directory,
            "--sflow-listen", $"127.0.0.1:{sflowPort}", "--metrics-listen", "none", .. extraArguments ?? [],
        ];
        var process = ns is null ? BackgroundProcess.Start("dotnet", arguments) : ns.Start("dotnet", arguments);
        var run = new StandaloneRun(directory, process);
        try
        {
            await process.WaitForOutputAsync("Running 1 monitors", StartTimeout);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }

        return run;
    }

    /// <summary>The events of <paramref name="kind"/> (THRESHOLD_RAISED, THRESHOLD_CLEARED, ...).</summary>
    public List<JsonElement> EventsOf(string kind) => [.. Events.Where(e => e.GetProperty("kind").GetString() == kind)];

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
