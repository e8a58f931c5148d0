using System.Text.RegularExpressions;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using Xunit;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// A real <c>netm operator</c> process against a test's apiserver and namespace, serving on a free port, started and
/// ready (/readyz answers 200); with leader election, its identity as /readyz tells it. Disposing stops it.
/// </summary>
public sealed partial class NetmOperatorProcess : IAsyncDisposable
{
    /// <summary>netm, built beside the tests (the test project references src/Netm).</summary>
    public static readonly string Netm = Path.Combine(AppContext.BaseDirectory, "netm.dll");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private NetmOperatorProcess(BackgroundProcess process, HttpClient http)
    {
        Process = process;
        Http = http;
    }

    /// <summary>The process.</summary>
    public BackgroundProcess Process { get; }

    /// <summary>A client for its /healthz, /readyz and /metrics.</summary>
    public HttpClient Http { get; }

    /// <summary>Its leader election identity, once /readyz named it; empty without leader election.</summary>
    public string Identity { get; private set; } = "";

    /// <summary>Starts <c>netm operator</c> as the admin of <paramref name="server"/> for <paramref name="namespace"/> with <paramref name="options"/> added, and waits until it is ready.</summary>
    public static Task<NetmOperatorProcess> StartAsync(KubeApiServer server, string @namespace, params string[] options) =>
        StartAsync(server.KubeconfigPath, ["--namespace", @namespace, .. options]);

    /// <summary>Starts <c>netm operator --kubeconfig <paramref name="kubeconfig"/></c> with <paramref name="options"/> added, and waits until it is ready.</summary>
    public static async Task<NetmOperatorProcess> StartAsync(string kubeconfig, IEnumerable<string> options)
    {
        var port = FreePorts.Tcp();
        var process = BackgroundProcess.Start("dotnet", [Netm, "operator", "--kubeconfig", kubeconfig, "--listen", $"127.0.0.1:{port}", .. options]);
        var started = new NetmOperatorProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        try
        {
            await process.WaitForOutputAsync("netm operator: running", Timeout);
            Assert.True(await Poll.UntilAsync(() => started.Readiness().Length > 0, Timeout), process.StandardError);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>/readyz's report when it answers 200, else empty.</summary>
    public string Readiness()
    {
        using var response = Http.GetAsync(new Uri("/readyz", UriKind.Relative)).Result;
        if (!response.IsSuccessStatusCode)
        {
            return "";
        }

        var report = response.Content.ReadAsStringAsync().Result;
        if (ElectionLine().Match(report) is { Success: true } match)
        {
            Identity = match.Groups[1].Value;
        }

        return report;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }

    [GeneratedRegex(@"^leader election as (\S+): ", RegexOptions.Multiline)]
    private static partial Regex ElectionLine();
}
