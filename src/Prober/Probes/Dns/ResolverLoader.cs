namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// Builds the resolver a probe's source would use: its resolv.conf (<see cref="ProbeRequest.ResolvConfPath"/>, by
/// default <see cref="ResolvConf.DefaultPath"/>) and its network namespace. A resolv.conf that cannot be read is an
/// error the probe reports, not glibc's silent fallback to the local host: a probe should say the source has none.
/// </summary>
internal static class ResolverLoader
{
    public static async Task<(DnsResolver? Resolver, string? Error)> LoadAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var path = request.ResolvConfPath ?? ResolvConf.DefaultPath;
        try
        {
            var conf = await ResolvConf.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            return (new DnsResolver(request.Sockets, conf), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the source's resolv.conf {path}: {e.Message}");
        }
    }
}
