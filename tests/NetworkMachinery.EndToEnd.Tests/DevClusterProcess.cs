using System.Globalization;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>
/// <c>netm devcluster</c> run as a process, as a user runs it, with a state directory and control-plane ports of its
/// own (the node's are the machine's).
/// </summary>
public sealed class DevClusterProcess
{
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = TimeSpan.FromMinutes(5) };
    private static readonly ProcessOptions Deploying = Tolerant with { Timeout = TimeSpan.FromMinutes(30) };

    private readonly IReadOnlyList<int> _ports = FreePorts.Tcp(3);

    /// <summary>The state directory (not created: <c>up</c> creates it).</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-e2e-{UniqueId.Next()}");

    /// <summary>Where <c>up</c> writes the kubeconfig.</summary>
    public string Kubeconfig => Path.Combine(StateDirectory, "kubeconfig");

    /// <summary><c>netm devcluster up</c> on the cluster's ports, which must succeed.</summary>
    public async Task<ProcessResult> UpAsync()
    {
        var up = await RunAsync("up", "--port", Text(_ports[0]), "--etcd-port", Text(_ports[1]), "--etcd-peer-port", Text(_ports[2]));
        Assert.True(up.Succeeded, up.StandardError);
        return up;
    }

    /// <summary>
    /// <c>netm devcluster deploy --kafka</c>, which must succeed; the first on a machine builds the netm image (several
    /// minutes on two cores).
    /// </summary>
    public async Task<ProcessResult> DeployAsync()
    {
        var deploy = await RunAsync(Deploying, "deploy", "--kafka", "--timeout", "600");
        Assert.True(deploy.Succeeded, deploy.StandardError);
        return deploy;
    }

    /// <summary><c>netm devcluster down</c>, which must succeed.</summary>
    public async Task<ProcessResult> DownAsync()
    {
        var down = await RunAsync("down");
        Assert.True(down.Succeeded, down.StandardError);
        return down;
    }

    /// <summary><c>netm devcluster VERB ARGS --state-dir DIR</c>; a non-zero exit code is returned, not thrown.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(Tolerant, arguments);

    private Task<ProcessResult> RunAsync(ProcessOptions options, params string[] arguments) =>
        ProcessRunner.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "netm.dll"), "devcluster", .. arguments, "--state-dir", StateDirectory], options);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
