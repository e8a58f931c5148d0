using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Testing.Repository;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>Flow and counter records as the collector's decode path makes them from real and built datagrams.</summary>
internal static class DecodedRecords
{
    private static readonly Lazy<(FlowRecord[] Flows, CounterRecord[] Counters)> Capture =
        new(() => Decode(SFlowCapture.LoadPayloads(RepositoryPaths.OvsCorpus)));

    /// <summary>The records of the committed Open vSwitch capture (testdata/ovs-sflow.pcap).</summary>
    public static (FlowRecord[] Flows, CounterRecord[] Counters) FromCapture => Capture.Value;

    /// <summary>The records of the built datagram called <paramref name="name"/> (<see cref="SFlowDatagramCorpus"/>).</summary>
    public static (FlowRecord[] Flows, CounterRecord[] Counters) FromCorpus(string name) => Decode([SFlowDatagramCorpus.Build(name)]);

    /// <summary>Decodes the datagrams through a decode worker's processor; every one must be well-formed.</summary>
    public static (FlowRecord[] Flows, CounterRecord[] Counters) Decode(IReadOnlyList<byte[]> datagrams)
    {
        var harness = new ProcessorHarness();
        var flows = new List<FlowRecord>();
        var counters = new List<CounterRecord>();
        foreach (var datagram in datagrams)
        {
            harness.Process(datagram);
            flows.AddRange(harness.Processor.Batch.Flows);
            counters.AddRange(harness.Processor.Batch.Counters);
            harness.Processor.Batch.Clear();
        }

        Assert.Equal(datagrams.Count, harness.Statistics.Decoded);
        return ([.. flows], [.. counters]);
    }
}
