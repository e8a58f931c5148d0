using System.Text.Json;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Testing.Processes;

/// <summary>
/// <c>netm run</c> as a process (in a network namespace the test made, or here) over a directory of manifests that
/// lives as long as it does; its stdout's event lines parsed. Disposing stops it and removes the directory.
/// </summary>
public sealed class NetmRunProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory;

    private NetmRunProcess(string directory, BackgroundProcess process)
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
    public static async Task<NetmRunProcess> StartAsync(string manifest, int sflowPort, NetworkNamespace? ns = null, IEnumerable<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"nmt-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "manifests.yaml"), manifest, cancellationToken);
        string[] arguments =
        [
            NetmOperatorProcess.Netm, "run", "-f", directory,
            "--sflow-listen", $"127.0.0.1:{sflowPort}", "--metrics-listen", "none", .. extraArguments ?? [],
        ];
        var process = ns is null ? BackgroundProcess.Start("dotnet", arguments) : ns.Start("dotnet", arguments);
        var run = new NetmRunProcess(directory, process);
        try
        {
            await process.WaitForOutputAsync("Running 1 monitors", StartTimeout, cancellationToken);
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
