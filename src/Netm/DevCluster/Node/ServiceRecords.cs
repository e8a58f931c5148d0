using System.Text;
using System.Text.Json;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// Writes the cluster DNS's hosts file from the Services: each Service with a cluster IP gets
/// <c>NAME.NAMESPACE.svc.cluster.local</c> (and the shorter <c>NAME.NAMESPACE.svc</c>). It lists the Services once a
/// second and replaces the file when they changed; dnsmasq reads it again on every change.
/// </summary>
internal static class ServiceRecords
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The hosts file.</summary>
    public static string HostsFile(NodeFiles files) => Path.Combine(files.DnsHosts, "services");

    /// <summary>Keeps the file current until <paramref name="cancellationToken"/> fires; a failed listing is logged and tried again.</summary>
    public static async Task RunAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        var files = new NodeFiles(plane.Files);
        var hosts = HostsFile(files);
        var staging = Path.Combine(Path.GetDirectoryName(files.DnsHosts)!, "services.tmp");
        using var client = ApiServerComponent.AdminClient(plane);
        var written = File.Exists(hosts) ? await File.ReadAllTextAsync(hosts, cancellationToken) : null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Again each time: a Service deleted by hand comes back.
                await ClusterDnsPod.EnsureServiceAsync(client, plane, cancellationToken);
                var text = await ListAsync(client, plane, cancellationToken);
                if (text != written)
                {
                    // Written beside the directory and renamed into it: dnsmasq never reads half a file.
                    await File.WriteAllTextAsync(staging, text, cancellationToken);
                    File.Move(staging, hosts, overwrite: true);
                    written = text;
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await log.WriteLineAsync($"netm devcluster {ClusterDnsComponent.Command}: keeping the Service and records current failed: {e.Message}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    private static async Task<string> ListAsync(HttpClient client, ControlPlane plane, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(plane.ApiServer, "/api/v1/services"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var lines = new List<string>();
        foreach (var service in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var metadata = service.GetProperty("metadata");
            if (service.GetProperty("spec").TryGetProperty("clusterIP", out var ip) && ip.GetString() is { } address
                && address is not ("" or "None"))
            {
                var name = $"{metadata.GetProperty("name").GetString()}.{metadata.GetProperty("namespace").GetString()}.svc";
                lines.Add($"{address} {name}.{NodeNetwork.ClusterDomain} {name}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
