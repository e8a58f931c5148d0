namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Asks a component's health endpoint (etcd's <c>/health</c>, the apiserver's <c>/readyz</c>) whether it is healthy:
/// a success status whose body contains the expected text. A probe is meant to be asked again and again while a
/// component starts, over the same connection.
/// </summary>
internal sealed class HealthProbe(HttpClient client, Uri url, string expected) : IDisposable
{
    /// <summary>How long one probe may wait for an answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The URL asked.</summary>
    public Uri Url => url;

    /// <summary>True when the endpoint answered with a success status and the expected text; false when it refused, failed or did not answer in time.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains(expected, StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The probe's own timeout: the server accepted the connection but did not answer yet.
            return false;
        }
    }

    /// <summary>Closes the probe's connections.</summary>
    public void Dispose() => client.Dispose();
}
