using System.CommandLine;
using System.Net;
using k8s.Autorest;
using k8s.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Operator;

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
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } own ? own : "default",
            HelpName = "NAMESPACE",
        };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log messages shown on stderr.", DefaultValueFactory = _ => LogLevel.Information };
        var kafka = new KafkaCliOptions(required: false);

        var command = new Command("operator", "Run the Kubernetes operator: reconcile NetworkConnectivityTests (probe tasks out, results in over the bus) until stopped.")
        {
            kubeconfig, @namespace, listen, leaderElect, leaseNamespace, logLevel,
        };
        kafka.AddTo(command);
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

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e)
                {
                    await Console.Error.WriteLineAsync($"netm operator: cannot listen on {settings.Listen}: {e.Message}");
                    return 1;
                }

                await Console.Error.WriteLineAsync($"netm operator: running; health and metrics on http://{settings.Listen}");
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
