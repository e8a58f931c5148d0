namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ConnectivityDestination.Kind"/>.</summary>
public static class DestinationKind
{
    /// <summary>A pod, by name and namespace: its pod IP.</summary>
    public const string Pod = "pod";

    /// <summary>An IP address.</summary>
    public const string Ip = "ip";

    /// <summary>A service, by name and namespace: every ready endpoint and the ClusterIP.</summary>
    public const string Service = "service";

    /// <summary>A DNS name: every address it resolves to.</summary>
    public const string Dns = "dns";

    /// <summary>A node, by name: its internal IP.</summary>
    public const string Node = "node";
}
