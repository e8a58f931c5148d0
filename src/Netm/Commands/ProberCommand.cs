using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Prober;
using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Prober.Execution;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm prober</c>: the node agent that runs connectivity probes from inside the pods of its node.</summary>
internal static class ProberCommand
{
    public static Command Create()
    {
        var node = new Option<string>("--node")
        {
            Description = "The Kubernetes node this agent runs on; it runs the probes of that node's pods (default: $NODE_NAME, else the host name).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NODE_NAME") is { Length: > 0 } name ? name : Environment.MachineName,
            HelpName = "NODE",
        };
        var listen = new Option<IPEndPoint>("--listen")
        {
            Description = "Where to serve /healthz and Prometheus /metrics over HTTP (HOST:PORT; :PORT means every address).",
            CustomParser = result => EndpointParser.Parse(result)!,
            DefaultValueFactory = _ => new IPEndPoint(IPAddress.IPv6Any, 9344),
            HelpName = "HOST:PORT",
        };
        var proc = new Option<string>("--proc")
        {
            Description = "The host's process table, where pods' network namespaces are found through their kubepods cgroups (run with hostPID).",
            DefaultValueFactory = _ => "/proc",
            HelpName = "DIR",
        };
        var defaults = new ProberOptions();
        var perNode = new Option<int>("--max-probes")
        {
            Description = "Probes running at once on this node.",
            DefaultValueFactory = _ => defaults.MaxConcurrentProbesPerNode,
            HelpName = "N",
        };
        var perPod = new Option<int>("--max-probes-per-pod")
        {
            Description = "Probes running at once from one source pod.",
            DefaultValueFactory = _ => defaults.MaxConcurrentProbesPerPod,
            HelpName = "N",
        };
        var tasks = new Option<int>("--max-tasks")
        {
            Description = "Tasks (one test run from one source) running at once, from the node's group and the shared one together; more wait on the bus.",
            DefaultValueFactory = _ => 256,
            HelpName = "N",
        };
        foreach (var limit in new[] { perNode, perPod, tasks })
        {
            limit.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{result.Option.Name} must be at least 1");
                }
            });
        }

        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log messages shown on stderr.", DefaultValueFactory = _ => LogLevel.Information };
        var kafka = new KafkaCliOptions(required: true);
        var command = new Command("prober", "Run the node agent: take this node's probe tasks from Kafka, probe from inside the source pods' network namespaces, send the results back. Needs root (or CAP_SYS_ADMIN, CAP_SYS_PTRACE and CAP_NET_RAW) and the host's process table.")
        {
            node, listen, proc, perNode, perPod, tasks, logLevel,
        };
        kafka.AddTo(command);
        command.SetAction((parse, cancellationToken) => ProberHost.RunAsync(
            new ProberSettings
            {
                Kafka = kafka.Settings(parse)!,
                Topics = kafka.Topics(parse),
                Agent = new ProberAgentOptions { Node = parse.GetRequiredValue(node), MaxTasksInFlight = parse.GetValue(tasks) },
                Probes = new ProberOptions { NodeName = parse.GetRequiredValue(node), MaxConcurrentProbesPerNode = parse.GetValue(perNode), MaxConcurrentProbesPerPod = parse.GetValue(perPod) },
                ProcRoot = parse.GetRequiredValue(proc),
                Listen = parse.GetRequiredValue(listen),
                LogLevel = parse.GetValue(logLevel),
            },
            cancellationToken));
        return command;
    }
}
