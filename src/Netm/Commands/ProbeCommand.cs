using System.CommandLine;
using NetworkMachinery.Netm.Manifests;
using NetworkMachinery.Netm.Probe;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm probe -f TEST.yaml</c>: run NetworkConnectivityTest manifests once, here, without a cluster.</summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "A manifest file, a directory of them (*.yaml, *.yml) or - for stdin; repeatable. The same YAML as the custom resource.",
            HelpName = "FILE",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per source and destination target (the status row's fields) instead of a table." };
        var netns = new Option<string>("--netns-dir")
        {
            Description = "Where named network namespaces are: a source or destination pod NAME is the namespace NAME there, its IP the first global address inside it.",
            DefaultValueFactory = _ => "/run/netns",
            HelpName = "DIR",
        };
        var command = new Command("probe", "Run NetworkConnectivityTest manifests once, from this machine: pods are named network namespaces (ip netns), no source means this host. Exit code 0 when every test succeeded, 1 when one did not, 2 when a manifest is invalid.")
        {
            files, json, netns,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manifests = ManifestFiles.Load(
                parse.GetRequiredValue(files), Console.In, "netm probe", [typeof(V1Alpha1NetworkConnectivityTest)]);
            var (tests, problems) = (manifests.Of<V1Alpha1NetworkConnectivityTest>(), manifests.Problems);
            foreach (var note in manifests.Skipped)
            {
                await Console.Error.WriteLineAsync($"netm probe: skipping {note}");
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"netm probe: {problem}");
                }

                return 2;
            }

            if (tests.Count == 0)
            {
                await Console.Error.WriteLineAsync("netm probe: no NetworkConnectivityTest in the manifests given");
                return 2;
            }

            using var probing = new StandaloneProbing(parse.GetRequiredValue(netns), TimeProvider.System);
            var probe = probing.Probe;
            var reports = await Task.WhenAll(tests.Select(test => probe.RunAsync(test, cancellationToken)));
            var asJson = parse.GetValue(json);
            foreach (var report in reports)
            {
                if (asJson)
                {
                    ProbeOutput.WriteJson(Console.Out, report);
                }
                else
                {
                    ProbeOutput.WriteTable(Console.Out, report);
                }
            }

            return reports.All(report => report.Succeeded) ? 0 : 1;
        });
        return command;
    }
}
