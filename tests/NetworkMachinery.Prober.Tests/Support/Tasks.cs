using System.Net;
using NetworkMachinery.Contracts;
using Kind = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Kind;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>Probe tasks as the operator sends them, from a pod of the scenario.</summary>
internal static class Tasks
{
    public static ProbeTask From(Pod source, uint layer, params ProbeResult.Types.Destination[] targets)
    {
        var task = new ProbeTask
        {
            Test = new ProbeResult.Types.TestRef { Namespace = "default", Name = "smoke", Uid = Guid.NewGuid().ToString(), Generation = 3 },
            RunId = Guid.NewGuid().ToString("N"),
            Source = new ProbeResult.Types.Source { PodNamespace = "default", PodName = source.Namespace.Name },
            SourcePodUid = Guid.NewGuid().ToString(),
            Layer = layer,
            Count = 2,
            IntervalNs = 100_000_000,
            TimeoutNs = 5_000_000_000, // generous: a loaded machine may delay answers
        };
        task.Targets.Add(targets);
        return task;
    }

    public static ProbeResult.Types.Destination Target(IPAddress address, int port = 0, Protocol protocol = Protocol.Unspecified) => new()
    {
        Kind = Kind.Ip,
        Name = address.ToString(),
        Address = address.ToString(),
        Port = (uint)port,
        Protocol = protocol,
    };
}
