using System.CommandLine;
using System.Net;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Operator.Admission;

namespace NetworkMachinery.Netm.Operator;

/// <summary>The options of <c>netm operator</c> for its admission webhook (the helm chart passes them; keep names and defaults stable).</summary>
internal sealed class WebhookCliOptions
{
    private static readonly WebhookOptions Defaults = new();

    private readonly Option<IPEndPoint> _listen = new("--webhook-listen")
    {
        Description = "Where to serve the admission webhook (POST /validate) over HTTPS (HOST:PORT; :PORT means every address).",
        CustomParser = result => EndpointParser.Parse(result)!,
        DefaultValueFactory = _ => new IPEndPoint(IPAddress.IPv6Any, 9443),
        HelpName = "HOST:PORT",
    };

    private readonly Option<bool> _disabled = new("--no-webhook") { Description = "Serve no admission webhook (and manage no certificates for it)." };

    private readonly Option<string?> _certificateDirectory = new("--webhook-cert-dir")
    {
        Description = "Serve tls.crt and tls.key from this directory (a mounted Secret, e.g. cert-manager's), reloaded when they change. Without it the operator manages its own certificate authority in --webhook-secret.",
        HelpName = "DIR",
    };

    private readonly Option<string> _secret = new("--webhook-secret")
    {
        Description = "The Secret holding the self-managed certificate authority and serving certificate, shared by all replicas.",
        DefaultValueFactory = _ => Defaults.SecretName,
        HelpName = "NAME",
    };

    private readonly Option<string> _namespace = new("--webhook-namespace")
    {
        Description = "The namespace of --webhook-secret and --webhook-service (default: $POD_NAMESPACE, else default).",
        DefaultValueFactory = _ => PodNamespace.OrDefault(),
        HelpName = "NAMESPACE",
    };

    private readonly Option<string> _configuration = new("--webhook-configuration")
    {
        Description = "The ValidatingWebhookConfiguration whose webhooks get the self-managed certificate authority as caBundle.",
        DefaultValueFactory = _ => Defaults.ConfigurationName,
        HelpName = "NAME",
    };

    private readonly Option<string> _service = new("--webhook-service")
    {
        Description = "The Service in front of the webhook; the self-managed certificate names NAME, NAME.NS, NAME.NS.svc and NAME.NS.svc.cluster.local.",
        DefaultValueFactory = _ => Defaults.ServiceName,
        HelpName = "NAME",
    };

    private readonly Option<string[]> _hosts = new("--webhook-host")
    {
        Description = "Another DNS name or IP address for the self-managed certificate (e.g. 127.0.0.1 for a webhook reached by URL); repeatable.",
        DefaultValueFactory = _ => [],
        HelpName = "HOST",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _listen, _disabled, _certificateDirectory, _secret, _namespace, _configuration, _service, _hosts })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The webhook asked for, or null with --no-webhook.</summary>
    public WebhookSettings? Settings(ParseResult parse) => parse.GetValue(_disabled)
        ? null
        : new WebhookSettings(parse.GetRequiredValue(_listen), new WebhookOptions
        {
            CertificateDirectory = parse.GetValue(_certificateDirectory),
            SecretName = parse.GetRequiredValue(_secret),
            Namespace = parse.GetRequiredValue(_namespace),
            ConfigurationName = parse.GetRequiredValue(_configuration),
            ServiceName = parse.GetRequiredValue(_service),
            Hosts = parse.GetValue(_hosts) ?? [],
        });
}
