namespace NetworkMachinery.Operator.Admission;

/// <summary>Where the admission webhook's TLS certificate comes from and whom it names.</summary>
public sealed record WebhookOptions
{
    /// <summary>
    /// A directory with <c>tls.crt</c> and <c>tls.key</c> (a mounted Secret, e.g. one cert-manager keeps), loaded again
    /// when they change; null for self-managed certificates in <see cref="SecretName"/>.
    /// </summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>The Secret (in <see cref="Namespace"/>) that holds the self-managed authority and serving certificate, shared by every replica.</summary>
    public string SecretName { get; init; } = "networkmachinery-webhook-tls";

    /// <summary>The namespace of <see cref="SecretName"/> and of <see cref="ServiceName"/>: the operator's own.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The ValidatingWebhookConfiguration whose webhooks get the self-managed authority as their <c>caBundle</c>.</summary>
    public string ConfigurationName { get; init; } = "networkmachinery";

    /// <summary>The Service in front of the webhook; the certificate names it in each form the API server may use.</summary>
    public string ServiceName { get; init; } = "networkmachinery-webhook";

    /// <summary>More DNS names or IP addresses for the certificate, such as 127.0.0.1 for a webhook reached by URL.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>
    /// How often the Secret and the configuration are checked again (another replica may have renewed the certificate),
    /// and the certificate directory read again should its file watcher miss a change.
    /// </summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The names the self-managed serving certificate must be valid for: the Service's four forms, then <see cref="Hosts"/>.</summary>
    public IReadOnlyList<string> ServingNames() =>
    [
        ServiceName, $"{ServiceName}.{Namespace}", $"{ServiceName}.{Namespace}.svc", $"{ServiceName}.{Namespace}.svc.cluster.local", .. Hosts,
    ];
}
