using System.CommandLine;
using NetworkMachinery.Netm.Commands;

var root = new RootCommand("netm: Network Machinery, network troubleshooting and telemetry for Kubernetes.")
{
    CollectCommand.Create(),
    CrdsCommand.Create(),
    DecodeCommand.Create(),
    DevClusterCommand.Create(),
    OperatorCommand.Create(),
    ProbeCommand.Create(),
    ProberCommand.Create(),
    ReplayCommand.Create(),
    RunCommand.Create(),
    TailCommand.Create(),
};

// On Ctrl+C or SIGTERM commands stop gracefully: the collector decodes what it queued and flushes its outputs
// (Kafka included, bounded by its own timeouts), which takes longer than the library's default of 2 seconds.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });

/// <summary>
/// The entry point, declared internal: ASP.NET Core's generator would make it public (for WebApplicationFactory), and
/// the tests' shared project references netm, so a public <c>Program</c> would clash with the benchmarks' own.
/// </summary>
internal sealed partial class Program;
