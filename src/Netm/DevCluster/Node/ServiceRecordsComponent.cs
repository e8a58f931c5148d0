namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// netm itself, detached (<c>netm devcluster service-records</c>): keeps the cluster DNS's hosts file in step with the
/// Services (<see cref="ServiceRecords"/>). Healthy once it has written the file.
/// </summary>
internal sealed class ServiceRecordsComponent : ClusterComponent
{
    /// <summary>The hidden subcommand of <c>netm devcluster</c> that runs it.</summary>
    public const string Command = "service-records";

    /// <inheritdoc/>
    public override string Name => Command;

    /// <inheritdoc/>
    /// <remarks>The program that runs this netm: dotnet (with netm.dll as its first argument), or netm's own executable.</remarks>
    public override string Binary => Environment.ProcessPath ?? "dotnet";

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane)
    {
        IReadOnlyList<string> netm = Path.GetFileNameWithoutExtension(Binary) == "dotnet" ? [Path.Combine(AppContext.BaseDirectory, "netm.dll")] : [];
        return [.. netm, "devcluster", Command, "--state-dir", plane.Files.Directory];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => ServiceRecords.HostsFile(new NodeFiles(plane.Files));

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane)
    {
        var hosts = ServiceRecords.HostsFile(new NodeFiles(plane.Files));
        return new HealthProbe(new Uri($"file://{hosts}"), _ => Task.FromResult(File.Exists(hosts)));
    }
}
