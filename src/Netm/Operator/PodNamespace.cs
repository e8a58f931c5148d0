namespace NetworkMachinery.Netm.Operator;

/// <summary>The operator's own namespace, where its Lease and webhook Secret live by default.</summary>
internal static class PodNamespace
{
    /// <summary>$POD_NAMESPACE (the Deployment sets it from the downward API), else <c>default</c>.</summary>
    public static string OrDefault() => Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } own ? own : "default";
}
