using System.CommandLine;
using NetworkMachinery.Netm.Commands;

var root = new RootCommand("netm: Network Machinery, network troubleshooting and telemetry for Kubernetes.")
{
    CollectCommand.Create(),
    DecodeCommand.Create(),
    ReplayCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
