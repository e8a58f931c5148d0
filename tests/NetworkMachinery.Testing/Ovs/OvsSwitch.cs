using System.Globalization;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Ovs;

/// <summary>
/// A private Open vSwitch: its own database and <c>ovs-vswitchd</c> with the userspace datapath, its state under a
/// fresh temporary directory (OVS_RUNDIR, OVS_LOGDIR, OVS_DBDIR), so that any number can run side by side.
/// </summary>
/// <remarks>
/// <c>ovs-vswitchd</c> runs in a network namespace of its own (<see cref="Namespace"/>). The userspace datapath creates
/// tap devices named after the datapath (<c>ovs-netdev</c>, the same for every instance) and after each bridge, and
/// leaves them behind when it is killed: in the host namespace a second instance, or any leftover, breaks it. In a
/// private namespace they cannot collide, and deleting the namespace removes them all, with the switch-side veth ends.
/// The flip side: the switch sends sFlow from that namespace, so a target of 127.0.0.1 is its loopback; open the
/// collector socket there with <see cref="NetworkNamespace.CreateSocket"/>, or run the collector with
/// <see cref="NetworkNamespace.Start"/>.
/// </remarks>
public sealed class OvsSwitch : IAsyncDisposable
{
    private const string SchemaPath = "/usr/share/openvswitch/vswitch.ovsschema";
    private static readonly string[] RequiredFiles = ["/usr/sbin/ovsdb-server", "/usr/sbin/ovs-vswitchd", "/usr/bin/ovsdb-tool", "/usr/bin/ovs-vsctl", SchemaPath];
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ProcessOptions _options;
    private bool _disposed;

    private OvsSwitch(string directory, NetworkNamespace ns)
    {
        Directory = directory;
        Namespace = ns;
        _options = new ProcessOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["OVS_RUNDIR"] = directory,
                ["OVS_LOGDIR"] = directory,
                ["OVS_DBDIR"] = directory,
            },
        };
    }

    /// <summary>The directory that holds the database, sockets, pid files and logs; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>The network namespace <c>ovs-vswitchd</c>, its datapath and the switch-side veth ends live in.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>The database socket, for <c>ovs-vsctl --db=unix:...</c>.</summary>
    public string DatabaseSocket => Path.Combine(Directory, "db.sock");

    /// <summary>The <c>ovs-vswitchd</c> log, the place to look when a port or bridge does not come up.</summary>
    public string SwitchLogPath => Path.Combine(Directory, "ovs-vswitchd.log");

    /// <summary>The PID of <c>ovsdb-server</c>, once started.</summary>
    public int? DatabaseServerProcessId { get; private set; }

    /// <summary>The PID of <c>ovs-vswitchd</c>, once started.</summary>
    public int? SwitchProcessId { get; private set; }

    private string DatabaseServerPidFile => Path.Combine(Directory, "ovsdb-server.pid");

    private string SwitchPidFile => Path.Combine(Directory, "ovs-vswitchd.pid");

    /// <summary>Creates the database and starts <c>ovsdb-server</c> and <c>ovs-vswitchd</c>. Needs root.</summary>
    /// <exception cref="InvalidOperationException">Open vSwitch is not installed.</exception>
    public static async Task<OvsSwitch> StartAsync(CancellationToken cancellationToken = default)
    {
        if (RequiredFiles.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            throw new InvalidOperationException(
                $"Open vSwitch is not installed ({missing} is missing): run scripts/install-deps.sh as root.");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-ovs-").FullName;
        NetworkNamespace ns;
        try
        {
            ns = await NetworkNamespace.CreateAsync(cancellationToken);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }

        var ovs = new OvsSwitch(directory, ns);
        try
        {
            await ovs.StartDaemonsAsync(cancellationToken);
            return ovs;
        }
        catch
        {
            await ovs.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>ovs-vsctl</c> against this switch and returns its stdout.</summary>
    /// <exception cref="InvalidOperationException">The command failed; the message includes the switch's recent warnings.</exception>
    public async Task<string> VsctlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(
                "ovs-vsctl", arguments.Prepend("--timeout=20").Prepend($"--db=unix:{DatabaseSocket}"), _options, cancellationToken);
            return result.StandardOutput;
        }
        catch (ProcessFailedException e)
        {
            throw new InvalidOperationException($"{e.Message}\nRecent ovs-vswitchd warnings:\n{RecentSwitchWarnings()}", e);
        }
    }

    /// <summary>Adds a bridge on the userspace datapath (no kernel module needed) and returns its name.</summary>
    /// <param name="name">The bridge name; it only has to be unique within this switch.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> AddBridgeAsync(string name = "br0", CancellationToken cancellationToken = default)
    {
        await VsctlAsync(["add-br", name, "--", "set", "bridge", name, "datapath_type=netdev"], cancellationToken);
        return name;
    }

    /// <summary>
    /// Plugs <paramref name="peer"/> into <paramref name="bridge"/>: a veth pair with a uniquely named end on the
    /// switch (the port) and <paramref name="peerInterface"/> in the peer, both up, both without transmit checksum
    /// offload so that TCP works across the userspace datapath.
    /// </summary>
    public async Task<OvsPort> PlugAsync(
        string bridge, NetworkNamespace peer, string peerInterface = "eth0", CancellationToken cancellationToken = default)
    {
        var name = UniqueId.Prefix + UniqueId.Next();
        await Namespace.CreateVethPairAsync(name, peer, peerInterface, cancellationToken);
        try
        {
            await Namespace.SetLinkUpAsync(name, cancellationToken);
            await peer.SetLinkUpAsync(peerInterface, cancellationToken);
            await Namespace.DisableTxChecksumOffloadAsync(name, cancellationToken);
            await peer.DisableTxChecksumOffloadAsync(peerInterface, cancellationToken);
            await VsctlAsync(["add-port", bridge, name], cancellationToken);
            var (ofPort, ifIndex) = await GetInterfaceAsync(name, cancellationToken);
            return new OvsPort(bridge, name, ofPort, ifIndex, peer, peerInterface);
        }
        catch
        {
            // The peer namespace may outlive this switch; don't leave it an interface that names a failed port.
            await ProcessRunner.RunAsync("ip", ["-n", Namespace.Name, "link", "delete", name], new ProcessOptions { ThrowOnFailure = false }, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads an interface's OpenFlow port number and ifIndex from the database.</summary>
    public async Task<(int OfPort, uint IfIndex)> GetInterfaceAsync(string name, CancellationToken cancellationToken = default)
    {
        // ovs-vsctl waits for ovs-vswitchd to apply each change, so both columns are filled in by now.
        var lines = (await VsctlAsync(["get", "interface", name, "ofport", "ifindex"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 2
            || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var ofPort) || ofPort <= 0
            || !uint.TryParse(lines[1], CultureInfo.InvariantCulture, out var ifIndex))
        {
            throw new InvalidOperationException(
                $"OVS did not open interface '{name}' (ofport, ifindex: {string.Join(", ", lines)}).\nRecent ovs-vswitchd warnings:\n{RecentSwitchWarnings()}");
        }

        return (ofPort, ifIndex);
    }

    /// <summary>Turns on sFlow export for a bridge (replacing any earlier settings).</summary>
    public Task ConfigureSFlowAsync(string bridge, OvsSFlowOptions options, CancellationToken cancellationToken = default)
    {
        var targets = string.Join(',', options.Targets.Select(target => $"\"{target}\""));
        return VsctlAsync(
            [
                "--", "--id=@sflow", "create", "sflow",
                $"agent={options.Agent}",
                $"targets=[{targets}]",
                $"header={options.HeaderBytes}",
                $"sampling={options.Sampling}",
                $"polling={options.Polling}",
                "--", "set", "bridge", bridge, "sflow=@sflow",
            ],
            cancellationToken);
    }

    /// <summary>Turns sFlow export off for a bridge; once this returns, the switch sends no more datagrams.</summary>
    public Task DisableSFlowAsync(string bridge, CancellationToken cancellationToken = default) =>
        VsctlAsync(["clear", "bridge", bridge, "sflow"], cancellationToken);

    /// <summary>
    /// Stops <c>ovs-vswitchd</c> and <c>ovsdb-server</c> by their PIDs (waiting until they are gone), deletes the
    /// switch's namespace (its taps and veth ends go with it) and the directory. Every step runs even if one fails.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var errors = new List<Exception>();
        await RunStepAsync(() => StopDaemonAsync(SwitchProcessId ?? ReadPidFile(SwitchPidFile)), errors);
        await RunStepAsync(() => StopDaemonAsync(DatabaseServerProcessId ?? ReadPidFile(DatabaseServerPidFile)), errors);
        await RunStepAsync(() => Namespace.DisposeAsync().AsTask(), errors);
        await RunStepAsync(
            () =>
            {
                System.IO.Directory.Delete(Directory, recursive: true);
                return Task.CompletedTask;
            },
            errors);
        if (errors.Count > 0)
        {
            throw new AggregateException($"Cleaning up the Open vSwitch in {Directory} failed.", errors);
        }
    }

    private static async Task RunStepAsync(Func<Task> step, List<Exception> errors)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            errors.Add(e);
        }
    }

    private static int? ReadPidFile(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private async Task StartDaemonsAsync(CancellationToken cancellationToken)
    {
        var database = Path.Combine(Directory, "conf.db");
        await ProcessRunner.RunAsync("ovsdb-tool", ["create", database, SchemaPath], _options, cancellationToken);

        // --detach returns once the daemon is ready and its pid file written; console logging off keeps the output
        // pipe free of a daemon that outlives the command (everything goes to the log file).
        await ProcessRunner.RunAsync(
            "ovsdb-server",
            [
                database, $"--remote=punix:{DatabaseSocket}", $"--pidfile={DatabaseServerPidFile}",
                $"--unixctl={Path.Combine(Directory, "ovsdb-server.ctl")}", $"--log-file={Path.Combine(Directory, "ovsdb-server.log")}",
                "-vconsole:off", "--detach",
            ],
            _options,
            cancellationToken);
        DatabaseServerProcessId = ReadPidFile(DatabaseServerPidFile);
        await VsctlAsync(["--no-wait", "init"], cancellationToken);

        await Namespace.ExecAsync(
            "ovs-vswitchd",
            [
                $"unix:{DatabaseSocket}", $"--pidfile={SwitchPidFile}",
                $"--unixctl={Path.Combine(Directory, "ovs-vswitchd.ctl")}", $"--log-file={SwitchLogPath}",
                "-vconsole:off", "--detach",
            ],
            _options,
            cancellationToken);
        SwitchProcessId = ReadPidFile(SwitchPidFile);
    }

    private async Task StopDaemonAsync(int? pid)
    {
        // The pid file may be stale: signal the PID only while it still runs one of our daemons (its command line
        // names our directory), never a process that reused the number.
        if (pid is { } id && ProcessIds.ReadCommandLine(id) is { } commandLine && commandLine.Contains(Directory, StringComparison.Ordinal))
        {
            await ProcessIds.StopAsync(id, UnixSignal.Terminate, StopGrace);
        }
    }

    private string RecentSwitchWarnings()
    {
        if (!File.Exists(SwitchLogPath))
        {
            return "(no log)";
        }

        var warnings = File.ReadLines(SwitchLogPath)
            .Where(line => line.Contains("|WARN|", StringComparison.Ordinal) || line.Contains("|ERR|", StringComparison.Ordinal) || line.Contains("|EMER|", StringComparison.Ordinal))
            .TakeLast(10)
            .ToList();
        return warnings.Count == 0 ? "(none)" : string.Join('\n', warnings);
    }
}
