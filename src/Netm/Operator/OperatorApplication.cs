using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Hosting;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Operator.Admission;
using NetworkMachinery.Operator.Connectivity;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Leadership;

namespace NetworkMachinery.Netm.Operator;

/// <summary>
/// The operator as one ASP.NET Core application: the controller runtime (informers, leader election), the
/// NetworkConnectivityTest controller with its probe tasks and results on the bus, alerting (the NetworkMonitor controller
/// and the evaluation of the monitors over the bus), the admission webhook, and /healthz,
/// /readyz and /metrics.
/// </summary>
internal static class OperatorApplication
{
    private const string LeaseName = "netm-operator-leader";

    /// <summary>Builds the application; the API server is asked once, here, which endpoints API it serves.</summary>
    public static async Task<WebApplication> BuildAsync(OperatorSettings settings, CancellationToken cancellationToken)
    {
        var configuration = settings.Kubeconfig is { } file
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(file)
            : KubernetesClientConfiguration.BuildDefaultConfig();
        var kubernetes = new Kubernetes(configuration);
        var endpointSlices = await ConnectivityServiceCollectionExtensions.ServesEndpointSlicesAsync(kubernetes, cancellationToken);
        var identity = $"{Environment.MachineName}_{Guid.NewGuid():N}"[..Math.Min(63, Environment.MachineName.Length + 33)];

        var builder = WebApplication.CreateSlimBuilder();
        ConsoleLogging.Configure(builder.Logging.ClearProviders(), settings.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.Listen));
        builder.Services.AddSingleton<IKubernetes>(kubernetes);
        builder.Services.AddOperatorRuntime(new OperatorRuntimeOptions
        {
            LeaderElection = settings.LeaderElection ? new LeaderElectionOptions { LeaseName = LeaseName, LeaseNamespace = settings.LeaseNamespace, Identity = identity } : null,
            Events = new EventRecorderOptions { Instance = identity },
        });
        builder.Services.AddConnectivityTests(endpointSlices, settings.Namespace);
        builder.Services.AddSingleton(settings.Topics);
        builder.Services.AddSingleton<IMessageBus>(provider => settings.Kafka is { } kafka
            ? new KafkaBus(kafka, provider.GetRequiredService<ILoggerFactory>())
            : new InProcessBus(loggerFactory: provider.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IProbeDispatcher>(provider => new BusProbeDispatcher(
            provider.GetRequiredService<IMessageBus>().CreateProducer("operator"), settings.Topics));
        builder.Services.AddHostedService(provider => new ProbeResultConsumer(
            provider.GetRequiredService<IMessageBus>(), settings.Topics, provider.GetRequiredService<ProbeResultStore>(), identity));

        if (settings.Alerting is { } retention)
        {
            builder.Services.AddAlerting(retention, settings.Namespace);
        }

        if (settings.Webhook is { } webhook)
        {
            builder.AddAdmissionWebhook(webhook.Listen, webhook.Options);
        }

        var app = builder.Build();
        app.MapOperatorEndpoints();
        if (settings.Webhook is not null)
        {
            app.MapAdmissionWebhook();
        }

        return app;
    }
}
