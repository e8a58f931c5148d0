using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Support;

/// <summary>
/// <c>netm operator</c> as a process against a real apiserver, for one namespace, with health and metrics on a free
/// loopback port; started, it is ready (<c>/readyz</c> answered 200). Disposing stops it by its PID.
/// </summary>
internal sealed class NetmOperator : IAsyncDisposable
{
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "netm.dll");

    private NetmOperator(BackgroundProcess process, HttpClient health)
    {
        Process = process;
        Health = health;
    }

    public BackgroundProcess Process { get; }

    /// <summary>A client for <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public HttpClient Health { get; }

    public static async Task<NetmOperator> StartReadyAsync(KubeApiServer server, string @namespace, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var port = FreePorts.Tcp();
        var process = BackgroundProcess.Start("dotnet", [
            Dll, "operator", "--kubeconfig", server.KubeconfigPath, "--namespace", @namespace, "--listen", $"127.0.0.1:{port}", .. arguments,
        ]);
        var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var started = new NetmOperator(process, health);
        try
        {
            await process.WaitForOutputAsync("netm operator: running", timeout);
            Assert.True(await Poll.UntilAsync(() => health.GetAsync(new Uri("/readyz", UriKind.Relative)).Result.IsSuccessStatusCode, timeout), process.StandardError);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Health.Dispose();
        await Process.DisposeAsync();
    }
}
