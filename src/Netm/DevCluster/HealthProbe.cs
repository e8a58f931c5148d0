namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Asks a component whether it is healthy: most answer on an HTTP health endpoint (etcd's <c>/health</c>, the
/// apiserver's <c>/readyz</c>) with a success status and a body that contains the expected text; others (the cluster
/// DNS) are asked in their own protocol. A probe is meant to be asked again and again while a component starts.
/// </summary>
internal sealed class HealthProbe : IDisposable
{
    /// <summary>How long one probe may wait for an answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Func<CancellationToken, Task<bool>> _check;
    private readonly IDisposable? _resource;

    /// <summary>A probe of an HTTP endpoint: healthy when <paramref name="url"/> answers with a success status and <paramref name="expected"/> in the body.</summary>
    public HealthProbe(HttpClient client, Uri url, string expected)
        : this(url, cancellationToken => AnswersAsync(client, url, expected, cancellationToken), client)
    {
    }

    /// <summary>A probe that runs <paramref name="check"/>; <paramref name="url"/> names what it asks, for messages; <paramref name="resource"/> is disposed with it.</summary>
    public HealthProbe(Uri url, Func<CancellationToken, Task<bool>> check, IDisposable? resource = null)
    {
        Url = url;
        _check = check;
        _resource = resource;
    }

    /// <summary>What is asked.</summary>
    public Uri Url { get; }

    /// <summary>True when the component answered that it is healthy; false when it refused, failed or did not answer in time.</summary>
    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => _check(cancellationToken);

    /// <summary>Closes the probe's connections.</summary>
    public void Dispose() => _resource?.Dispose();

    private static async Task<bool> AnswersAsync(HttpClient client, Uri url, string expected, CancellationToken cancellationToken)
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
}
