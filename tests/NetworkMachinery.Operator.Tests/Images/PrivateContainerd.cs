using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Images;

/// <summary>
/// A containerd of the test's own (Debian's containerd 1.6 with runc): root, state, socket and CNI directory under a
/// fresh <c>/tmp/nmt-containerd-*</c>, and the CRI settings the dev cluster needs (<c>restrict_oom_score_adj</c>, the
/// local pause image as sandbox image). Dispose stops it by PID, then the shims it started (found by its socket in their
/// command lines), unmounts what is still mounted under its directory and deletes the directory.
/// </summary>
internal sealed class PrivateContainerd : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly BackgroundProcess _process;

    private PrivateContainerd(string directory, BackgroundProcess process)
    {
        Directory = directory;
        _process = process;
    }

    /// <summary>The directory that holds everything of this containerd.</summary>
    public string Directory { get; }

    /// <summary>The unix socket of its API, what <c>ctr --address</c> takes.</summary>
    public string Address => Path.Combine(Directory, "containerd.sock");

    /// <summary>Starts it and waits until its API answers.</summary>
    public static async Task<PrivateContainerd> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-containerd-{UniqueId.Next()}");
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "cni"));
        var config = Path.Combine(directory, "config.toml");
        await File.WriteAllTextAsync(config, Config(directory));
        var containerd = new PrivateContainerd(directory, BackgroundProcess.Start("containerd", ["--config", config]));
        try
        {
            await containerd._process.WaitForOutputAsync("containerd successfully booted", StartTimeout);
            return containerd;
        }
        catch
        {
            await containerd.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>ctr --address SOCKET -n k8s.io ARGS</c>; a non-zero exit code is returned, not thrown.</summary>
    public Task<ProcessResult> CtrAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            "ctr", ["--address", Address, "--namespace", "k8s.io", .. arguments],
            new ProcessOptions { ThrowOnFailure = false, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>Starts <c>ctr run --rm</c> in the background: it exits when the container does, with its exit code.</summary>
    public BackgroundProcess StartContainer(string image, string id, params string[] arguments) =>
        BackgroundProcess.Start("ctr", ["--address", Address, "--namespace", "k8s.io", "run", "--rm", image, id, .. arguments]);

    /// <summary>Waits until the task <paramref name="id"/> is RUNNING; false when it is not within <paramref name="timeout"/>.</summary>
    public async Task<bool> RunningAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var tasks = await CtrAsync("tasks", "list");
            if (tasks.StandardOutput.Split('\n').Any(line => line.StartsWith(id + " ", StringComparison.Ordinal) && line.Contains("RUNNING", StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Stops containerd, its shims and containers, unmounts and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(UnixSignal.Terminate, StopGrace);
        await _process.DisposeAsync();
        foreach (var shim in ShimsOf(Address))
        {
            // A shim outlives containerd by design and keeps its container; SIGKILL to the shim's group ends both.
            await ProcessIds.StopAsync(shim, UnixSignal.Kill, StopGrace);
        }

        foreach (var mount in MountsUnder(Directory))
        {
            await ProcessRunner.RunAsync("umount", ["-l", mount], new ProcessOptions { ThrowOnFailure = false });
        }

        await Poll.UntilAsync(() => MountsUnder(Directory).Count == 0, StopGrace);
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static List<int> ShimsOf(string address) =>
        [.. System.IO.Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessIds.ReadCommandLine(pid) is { } command
                && command.Contains("containerd-shim", StringComparison.Ordinal) && command.Contains(address, StringComparison.Ordinal))];

    // Deepest first, so that nothing is unmounted from under another mount.
    private static List<string> MountsUnder(string directory) =>
        [.. File.ReadLines("/proc/self/mounts")
            .Select(line => line.Split(' ')[1])
            .Where(mountPoint => mountPoint.StartsWith(directory + "/", StringComparison.Ordinal))
            .OrderByDescending(mountPoint => mountPoint.Length)];

    private static string Config(string directory) => $"""
        version = 2
        root = "{directory}/root"
        state = "{directory}/state"

        [grpc]
          address = "{directory}/containerd.sock"

        [ttrpc]
          address = ""

        [debug]
          address = ""

        [metrics]
          address = ""

        [plugins."io.containerd.internal.v1.opt"]
          path = "{directory}/opt"

        [plugins."io.containerd.grpc.v1.cri"]
          # This machine withholds CAP_SYS_RESOURCE: runc cannot lower oom_score_adj below containerd's own.
          restrict_oom_score_adj = true
          sandbox_image = "localhost/networkmachinery/pause:dev"
          stream_server_address = "127.0.0.1"
          stream_server_port = "0"

          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "/usr/lib/cni"
            conf_dir = "{directory}/cni"
        """;
}
