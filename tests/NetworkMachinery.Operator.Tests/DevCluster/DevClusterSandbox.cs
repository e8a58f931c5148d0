using System.Globalization;
using System.Text.RegularExpressions;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.DevCluster;

/// <summary>
/// <c>netm devcluster</c> run as a process, as a user runs it, on a state directory and free ports of its own, so that
/// tests never meet each other's clusters (or the default one in .cache/devcluster). Dispose runs <c>down</c> and then
/// stops, by PID, any process still running from the state directory, whatever the test left behind.
/// </summary>
internal sealed partial class DevClusterSandbox : IAsyncDisposable
{
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = TimeSpan.FromMinutes(4) };
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GoneTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<int> _ports = FreePorts.Tcp(3);

    /// <summary>The state directory (not created: <c>up</c> creates it).</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-devcluster-{UniqueId.Next()}");

    /// <summary>The apiserver's port.</summary>
    public int ApiServerPort => _ports[0];

    /// <summary>Where <c>up</c> writes the kubeconfig.</summary>
    public string Kubeconfig => Path.Combine(StateDirectory, "kubeconfig");

    /// <summary><c>netm devcluster up --control-plane-only</c> on the sandbox's ports: these tests are about the control plane.</summary>
    public Task<ProcessResult> UpAsync() =>
        RunAsync("up", "--control-plane-only", "--port", Text(_ports[0]), "--etcd-port", Text(_ports[1]), "--etcd-peer-port", Text(_ports[2]));

    /// <summary><c>up</c>, which must succeed: for tests about what comes after it.</summary>
    public async Task<ProcessResult> StartAsync()
    {
        var up = await UpAsync();
        Assert.True(up.Succeeded, up.StandardError);
        return up;
    }

    /// <summary>Waits until none of <paramref name="pids"/> runs any more (a zombie counts as gone); false when one still does after 10 s.</summary>
    public static Task<bool> GoneAsync(IReadOnlyDictionary<string, int> pids) =>
        Poll.UntilAsync(() => !pids.Values.Any(ProcessIds.IsRunning), GoneTimeout);

    /// <summary><c>netm devcluster VERB ARGS --state-dir DIR</c>; a non-zero exit code is returned, not thrown.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "netm.dll"), "devcluster", .. arguments, "--state-dir", StateDirectory], Tolerant);

    /// <summary>
    /// The PIDs that <c>status</c> reports, by component, after checking that it succeeded: each runs a command line
    /// that names the state directory.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> RunningAsync()
    {
        var status = await RunAsync("status");
        Assert.True(status.Succeeded, status.StandardError);
        var pids = StatusLine().Matches(status.StandardOutput)
            .ToDictionary(match => match.Groups["name"].Value, match => int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(["etcd", "kube-apiserver"], pids.Keys.Order());
        Assert.All(pids.Values, pid => Assert.Contains(StateDirectory, ProcessIds.ReadCommandLine(pid), StringComparison.Ordinal));
        return pids;
    }

    /// <summary>The names of the cluster's namespaces, through kubectl and the kubeconfig <c>up</c> wrote.</summary>
    public async Task<IReadOnlyList<string>> NamespacesAsync()
    {
        var result = await ProcessRunner.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "get", "namespaces", "-o", "name"]);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Replace("namespace/", "", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Creates a namespace with a unique name that starts with <paramref name="prefix"/>, through kubectl; returns the name.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{UniqueId.Next()}";
        await ProcessRunner.RunAsync("kubectl", ["--kubeconfig", Kubeconfig, "create", "namespace", name]);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(StateDirectory))
        {
            await RunAsync("down");
        }

        foreach (var pid in ProcessesOfTheStateDirectory())
        {
            await ProcessIds.StopAsync(pid, UnixSignal.Terminate, StopGrace);
        }

        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Running processes whose command line names the state directory: a unique path, so only this sandbox's.</summary>
    private List<int> ProcessesOfTheStateDirectory() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessIds.IsRunning(pid) && ProcessIds.ReadCommandLine(pid) is { } commandLine
                && commandLine.Contains(StateDirectory, StringComparison.Ordinal))
            .ToList();

    // "kube-apiserver   PID 1234     healthy   https://127.0.0.1:6443"
    [GeneratedRegex(@"^(?<name>\S+)\s+PID (?<pid>\d+)\s+healthy\s", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}
