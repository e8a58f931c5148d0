using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.DevCluster;

/// <summary>
/// <c>netm devcluster</c> as a user runs it: a real etcd and kube-apiserver that outlive the command, reached with
/// kubectl through the kubeconfig it prints, found again by every later command, and gone after <c>down</c>.
/// </summary>
public sealed class DevClusterCommandTests
{
    [Fact]
    public async Task Up_PrintsAKubeconfigThatKubectlUses_AndUpAgainKeepsTheSameProcesses()
    {
        await using var sandbox = new DevClusterSandbox();

        var up = await sandbox.StartAsync();
        var namespaces = await sandbox.NamespacesAsync();
        var running = await sandbox.RunningAsync();
        var again = await sandbox.UpAsync();
        var runningAgain = await sandbox.RunningAsync();

        // stdout is the path alone, for KUBECONFIG=$(netm devcluster up); the hint goes to stderr.
        Assert.Equal(sandbox.Kubeconfig + "\n", up.StandardOutput);
        Assert.Contains($"export KUBECONFIG={sandbox.Kubeconfig}", up.StandardError, StringComparison.Ordinal);
        Assert.Contains("kubectl get ns", up.StandardError, StringComparison.Ordinal);

        // The apiserver creates these itself; no controller manager is needed for them.
        Assert.Contains("default", namespaces);
        Assert.Contains("kube-system", namespaces);

        Assert.True(again.Succeeded, again.StandardError);
        Assert.Equal(up.StandardOutput, again.StandardOutput);
        Assert.Equal(running, runningAgain);
    }

    [Fact]
    public async Task Down_StopsTheProcessesAndRemovesTheStateDirectory_AndAgainSaysNothingIsUp()
    {
        await using var sandbox = new DevClusterSandbox();
        await sandbox.StartAsync();
        var running = await sandbox.RunningAsync();

        var down = await sandbox.RunAsync("down");
        var gone = await DevClusterSandbox.GoneAsync(running);
        var downAgain = await sandbox.RunAsync("down");
        var kubeconfig = await sandbox.RunAsync("kubeconfig");
        var status = await sandbox.RunAsync("status");

        Assert.True(down.Succeeded, down.StandardError);
        Assert.True(gone, $"still running: {string.Join(", ", running.Values.Where(ProcessIds.IsRunning))}");
        Assert.False(Directory.Exists(sandbox.StateDirectory));
        Assert.Equal(0, downAgain.ExitCode);
        Assert.Contains("nothing is up", downAgain.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, kubeconfig.ExitCode);
        Assert.Equal("", kubeconfig.StandardOutput);
        Assert.Contains($"no dev cluster is up in {sandbox.StateDirectory}", kubeconfig.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, status.ExitCode);
    }

    [Fact]
    public async Task Up_AfterItsProcessesDied_RestartsThemOnTheSameData()
    {
        await using var sandbox = new DevClusterSandbox();
        var up = await sandbox.StartAsync();
        var name = await sandbox.CreateNamespaceAsync("survivor");
        var before = await sandbox.RunningAsync();

        // What a reboot does to them, minus the clean shutdown.
        foreach (var pid in before.Values)
        {
            ProcessIds.Signal(pid, UnixSignal.Kill);
        }

        Assert.True(await DevClusterSandbox.GoneAsync(before));
        var status = await sandbox.RunAsync("status");
        var kubeconfig = await sandbox.RunAsync("kubeconfig");
        var restarted = await sandbox.RunAsync("up");
        Assert.True(restarted.Succeeded, restarted.StandardError);
        var after = await sandbox.RunningAsync();
        var namespaces = await sandbox.NamespacesAsync();

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("not running", status.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, kubeconfig.ExitCode);
        Assert.Contains("is not running", kubeconfig.StandardError, StringComparison.Ordinal);
        Assert.Equal(up.StandardOutput, restarted.StandardOutput);
        Assert.All(after, component => Assert.NotEqual(before[component.Key], component.Value));
        Assert.Contains(name, namespaces);
    }

    [Fact]
    public async Task DownKeepData_KeepsEtcdsData_SoTheNextUpFindsTheObjects()
    {
        await using var sandbox = new DevClusterSandbox();
        await sandbox.StartAsync();
        var name = await sandbox.CreateNamespaceAsync("kept");
        var running = await sandbox.RunningAsync();

        var down = await sandbox.RunAsync("down", "--keep-data");
        var gone = await DevClusterSandbox.GoneAsync(running);
        var kept = Directory.Exists(Path.Combine(sandbox.StateDirectory, "etcd"));
        var kubeconfigKept = File.Exists(sandbox.Kubeconfig);
        var upAgain = await sandbox.RunAsync("up");
        Assert.True(upAgain.Succeeded, upAgain.StandardError);
        var namespaces = await sandbox.NamespacesAsync();

        Assert.True(down.Succeeded, down.StandardError);
        Assert.True(gone);
        Assert.True(kept);
        Assert.False(kubeconfigKept);
        Assert.Contains(name, namespaces);
    }

    [Fact]
    public async Task Up_ApiServerPortInUse_FailsNamingTheOption_BeforeStartingAnything()
    {
        await using var sandbox = new DevClusterSandbox();
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, sandbox.ApiServerPort));
        taken.Listen();

        var up = await sandbox.UpAsync();
        var status = await sandbox.RunAsync("status");

        Assert.Equal(1, up.ExitCode);
        Assert.Equal("", up.StandardOutput);
        Assert.Contains($"127.0.0.1:{sandbox.ApiServerPort} is in use", up.StandardError, StringComparison.Ordinal);
        Assert.Contains("choose another port with --port", up.StandardError, StringComparison.Ordinal);

        // The ports are checked before anything starts or is written.
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("no dev cluster is up", status.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(sandbox.StateDirectory));
    }

    [Fact]
    public async Task Up_ApiServerFailsToStart_ShowsItsLog_AndStopsTheEtcdItStarted()
    {
        await using var sandbox = new DevClusterSandbox();
        await sandbox.StartAsync();
        var down = await sandbox.RunAsync("down", "--keep-data");
        Assert.True(down.Succeeded, down.StandardError);

        // The kept key that signs service-account tokens, spoilt: the apiserver refuses to start with it.
        await File.WriteAllTextAsync(Path.Combine(sandbox.StateDirectory, "service-account.key"), "not a key\n");
        var failed = await sandbox.RunAsync("up");
        var status = await sandbox.RunAsync("status");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("", failed.StandardOutput);
        Assert.Contains("started etcd", failed.StandardError, StringComparison.Ordinal);
        Assert.Contains("kube-apiserver exited before", failed.StandardError, StringComparison.Ordinal);
        Assert.Contains("kube-apiserver.log", failed.StandardError, StringComparison.Ordinal);
        Assert.Contains("service-account.key", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, status.ExitCode);
        Assert.DoesNotContain("PID", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpAndDown_InADirectoryItDidNotCreate_RefuseAndDeleteNothing()
    {
        await using var sandbox = new DevClusterSandbox();
        Directory.CreateDirectory(sandbox.StateDirectory);
        var precious = Path.Combine(sandbox.StateDirectory, "precious.txt");
        await File.WriteAllTextAsync(precious, "not netm's");

        var up = await sandbox.UpAsync();
        var down = await sandbox.RunAsync("down");

        Assert.Equal(1, up.ExitCode);
        Assert.Equal(1, down.ExitCode);
        Assert.All([up, down], result => Assert.Contains("is not a dev cluster's state directory", result.StandardError, StringComparison.Ordinal));
        Assert.Equal("not netm's", await File.ReadAllTextAsync(precious));
    }
}
