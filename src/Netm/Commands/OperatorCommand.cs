using System.CommandLine;
using System.Net;
using k8s.Autorest;
using k8s.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Monitors;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Operator;
using NetworkMachinery.Operator.Admission;
using NetworkMachinery.Operator.Admission.Certificates;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm operator</c>: run the Kubernetes operator against a cluster until stopped.</summary>
internal static class OperatorCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "The kubeconfig file. Without it: the in-cluster service account when deployed, else $KUBECONFIG or ~/.kube/config.",
            HelpName = "FILE",
        };
        var @namespace = new Option<string?>("--namespace")
        {
            Description = "Reconcile the resources of this namespace only (default: every namespace).",
            HelpName = "NAMESPACE",
        };
        var listen = new Option<IPEndPoint>("--listen")
        {
            Description = "Where to serve /healthz, /readyz and Prometheus /metrics over HTTP (HOST:PORT; :PORT means every address).",
            CustomParser = result => EndpointParser.Parse(result)!,
            DefaultValueFactory = _ => new IPEndPoint(IPAddress.IPv6Any, 8081),
            HelpName = "HOST:PORT",
        };
        var leaderElect = new Option<bool>("--leader-elect")
        {
            Description = "Reconcile only while holding the Lease netm-operator-leader, so that several replicas can run with one active.",
        };
        var leaseNamespace = new Option<string>("--lease-namespace")
        {
            Description = "The namespace of the leader election Lease (default: $POD_NAMESPACE, else default).",
            DefaultValueFactory = _ => PodNamespace.OrDefault(),
            HelpName = "NAMESPACE",
        };
        var noAlerting = new Option<bool>("--no-alerting")
        {
            Description = "Evaluate no NetworkMonitors (another process does, or none should).",
        };
        var retention = new Option<TimeSpan>("--notification-retention")
        {
            Description = "How long a cleared NetworkNotification stays before it is deleted (Go duration: 24h, 90m).",
            CustomParser = result => DurationParser.Parse(result, TimeSpan.FromTicks(1), "--notification-retention takes a positive duration such as 24h or 90m"),
            DefaultValueFactory = _ => NotificationRetention.Default.Period,
            HelpName = "DURATION",
        };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log messages shown on stderr.", DefaultValueFactory = _ => LogLevel.Information };
        var kafka = new KafkaCliOptions(required: false);
        var webhook = new WebhookCliOptions();

        var command = new Command("operator", "Run the Kubernetes operator: reconcile NetworkConnectivityTests (probe tasks out, results in over the bus) and NetworkMonitors (evaluated over the flows, counters and probe results on the bus; events recorded as NetworkNotifications and delivered) until stopped.")
        {
            kubeconfig, @namespace, listen, leaderElect, leaseNamespace, noAlerting, retention, logLevel,
        };
        kafka.AddTo(command);
        webhook.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new OperatorSettings
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Namespace = parse.GetValue(@namespace),
                Listen = parse.GetRequiredValue(listen),
                LeaderElection = parse.GetValue(leaderElect),
                LeaseNamespace = parse.GetRequiredValue(leaseNamespace),
                Kafka = kafka.Settings(parse),
                Topics = kafka.Topics(parse),
                LogLevel = parse.GetValue(logLevel),
                Webhook = webhook.Settings(parse),
                Alerting = parse.GetValue(noAlerting) ? null : new NotificationRetention(parse.GetValue(retention)),
            };

            WebApplication app;
            try
            {
                app = await OperatorApplication.BuildAsync(settings, cancellationToken);
            }
            catch (Exception e) when (e is KubeConfigException or FileNotFoundException or HttpRequestException or HttpOperationException)
            {
                await Console.Error.WriteLineAsync($"netm operator: cannot reach the Kubernetes API server: {e.Message}");
                return 1;
            }
            catch (WebhookCertificateException e)
            {
                await Console.Error.WriteLineAsync($"netm operator: {e.Message}");
                return 1;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e)
                {
                    var addresses = settings.Webhook is { } failed ? $"{settings.Listen} or {failed.Listen}" : settings.Listen.ToString();
                    await Console.Error.WriteLineAsync($"netm operator: cannot listen on {addresses}: {e.Message}");
                    return 1;
                }

                var served = settings.Webhook is { } webhookSettings ? $"; admission webhook on https://{webhookSettings.Listen}{AdmissionEndpoints.ValidatePath}" : string.Empty;
                await Console.Error.WriteLineAsync($"netm operator: running; health and metrics on http://{settings.Listen}{served}");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: stop gracefully below.
                }

                await app.StopAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }
}
