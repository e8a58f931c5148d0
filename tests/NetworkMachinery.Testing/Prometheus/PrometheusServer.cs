using System.Globalization;
using System.Text.Json;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Prometheus;

/// <summary>
/// A private Prometheus server (Debian's <c>prometheus</c>) that scrapes one target every second, with its own
/// configuration, storage directory and loopback port. Stopped by its PID and its directory removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly BackgroundProcess _process;
    private readonly string _directory;

    private PrometheusServer(BackgroundProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server that scrapes <paramref name="metrics"/> (a <c>/metrics</c> URL) every second.</summary>
    public static async Task<PrometheusServer> StartAsync(Uri metrics, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-prometheus-{UniqueId.Next()}");
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(
            config,
            $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: netm
                metrics_path: {metrics.AbsolutePath}
                static_configs:
                  - targets: ["{metrics.Authority}"]
            """,
            cancellationToken);
        var address = new Uri($"http://127.0.0.1:{FreePorts.Tcp()}/");
        var process = BackgroundProcess.Start("prometheus", [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address={address.Authority}",
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, address);
        try
        {
            if (!await Poll.UntilAsync(() => server.IsReady() || process.HasExited, TimeSpan.FromSeconds(30), cancellationToken) || process.HasExited)
            {
                throw new InvalidOperationException($"prometheus did not become ready:\n{process.StandardError}");
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Evaluates an instant PromQL query; the value of its single result, or null when it has none.</summary>
    public async Task<double?> QueryAsync(string promQl, CancellationToken cancellationToken = default)
    {
        var url = new Uri(Address, "api/v1/query?query=" + Uri.EscapeDataString(promQl));
        using var document = JsonDocument.Parse(await Http.GetStringAsync(url, cancellationToken));
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        if (result.GetArrayLength() == 0)
        {
            return null;
        }

        var value = result[0].GetProperty("value")[1].GetString()!;
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until <paramref name="promQl"/> evaluates to <paramref name="expected"/>; returns the last value seen.</summary>
    public async Task<double?> WaitForValueAsync(string promQl, double expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        double? last;
        do
        {
            last = await QueryAsync(promQl, cancellationToken);
            if (last == expected)
            {
                return last;
            }

            await Task.Delay(250, cancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        return last;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private bool IsReady()
    {
        try
        {
            using var response = Http.GetAsync(new Uri(Address, "-/ready")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
