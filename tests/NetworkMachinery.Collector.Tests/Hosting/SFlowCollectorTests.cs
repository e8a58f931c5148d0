using System.Diagnostics;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Collector.Tests.Hosting;

/// <summary>The collector over a real loopback socket: what goes in as datagrams comes out as records and counts.</summary>
public class SFlowCollectorTests
{
    private static readonly IpAddressValue Agent = Ip("192.0.2.1");

    [Fact]
    public async Task Collector_FlowSamples_BecomeFlowRecordsWithScaledTrafficAndPacketFields()
    {
        await using var loopback = new LoopbackCollector();
        var tcp = new PacketBuilder().Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02")).Vlan(42, priority: 5)
            .IPv4(Ip("10.1.0.1"), Ip("10.1.0.2"), ttl: 61, tos: 0x28).Tcp(40000, 443, TcpControlBits.Syn | TcpControlBits.Ack).Payload(100).Build();
        var udp6 = new PacketBuilder().Ethernet(Mac("02:00:00:00:00:03"), Mac("02:00:00:00:00:04"))
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"), flowLabel: 0xABCDE).Udp(5353, 53).Payload(40).Build();
        var datagram = new SFlowDatagramBuilder().Agent(Agent).SubAgentId(3).SequenceNumber(77)
            .FlowSample(s => s.SequenceNumber(1000).Source(0, 7).SamplingRate(512).SamplePool(9000).Input(7).Output(9)
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1514, 4, tcp))
                .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(42, 5, 43, 0))))
            .FlowSample(s => s.SequenceNumber(1001).Source(0, 7).SamplingRate(512).Input(7).Output(new SFlowInterface(InterfaceFormat.Multiple, 3))
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 200, 4, udp6)))
            .Build();

        loopback.Send(datagram);
        await loopback.WaitForProcessedAsync(1);

        Assert.True(loopback.Captured.Flows.TryRead(out var first));
        Assert.True(loopback.Captured.Flows.TryRead(out var second));
        Assert.False(loopback.Captured.Flows.TryRead(out _));
        Assert.Equal(Agent, first.AgentAddress);
        Assert.Equal(3u, first.SubAgentId);
        Assert.Equal(77u, first.DatagramSequence);
        Assert.Equal(1000u, first.SampleSequence);
        Assert.Equal(7u, first.SourceIdIndex);
        Assert.Equal(512u, first.SamplingRate);
        Assert.Equal((7u, 9u), (first.InputInterface, first.OutputInterface));
        Assert.Equal(1514u * 512, first.Bytes);
        Assert.Equal(512ul, first.Packets);
        Assert.Equal((Ip("10.1.0.1"), Ip("10.1.0.2")), (first.Packet.SourceAddress, first.Packet.DestinationAddress));
        Assert.Equal((byte)6, first.Packet.IpProtocol);
        Assert.Equal(((ushort)40000, (ushort)443), (first.Packet.SourcePort, first.Packet.DestinationPort));
        Assert.Equal((ushort)0x12, first.Packet.TcpFlags);
        Assert.Equal((ushort)42, first.Vlan);
        Assert.Equal(((ushort)42, (ushort)43), (first.SourceVlan, first.DestinationVlan));
        Assert.Equal(((byte)61, (byte)0x28), (first.Packet.Ttl, first.Packet.Tos));
        Assert.Equal(Mac("02:00:00:00:00:01"), first.Packet.SourceMac);

        Assert.Equal((Ip("2001:db8::1"), Ip("2001:db8::2")), (second.Packet.SourceAddress, second.Packet.DestinationAddress));
        Assert.Equal((byte)17, second.Packet.IpProtocol);
        Assert.Equal(((ushort)5353, (ushort)53), (second.Packet.SourcePort, second.Packet.DestinationPort));
        Assert.Equal(0xABCDEu, second.Packet.FlowLabel);
        Assert.Equal(InterfaceFormat.Multiple, second.OutputInterfaceFormat);
        Assert.Equal(0u, second.OutputInterface);
        Assert.Equal(200ul * 512, second.Bytes);
        Assert.True(first.TimeReceivedNs > 0 && first.TimeReceivedNs == second.TimeReceivedNs);
    }

    [Fact]
    public async Task Collector_CounterSamples_BecomeCounterRecordsWithTheirStructures()
    {
        await using var loopback = new LoopbackCollector();
        var generic = new GenericInterfaceCounters(7, 6, 10_000_000_000, 1, 3, 123_456, 10, 20, 30, 1, 2, 3, 654_321, 40, 50, 60, 4, 5, 0);
        var datagram = new SFlowDatagramBuilder().Agent(Agent).SequenceNumber(1)
            .CounterSample(s => s.SequenceNumber(5).Source(0, 7)
                .Record(CounterRecordEncoder.GenericInterface(generic))
                .Record(CounterRecordEncoder.PortName("veth-a"u8))
                .Record(CounterRecordEncoder.OvsDatapath(new OvsDatapath(1, 2, 3, 4, 5, 6))))
            .Build();

        loopback.Send(datagram);
        await loopback.WaitForProcessedAsync(1);

        Assert.True(loopback.Captured.Counters.TryRead(out var counters));
        Assert.Equal(5u, counters.SampleSequence);
        Assert.Equal(7u, counters.SourceIdIndex);
        Assert.Equal(generic, counters.Interface);
        Assert.Equal("veth-a", counters.PortName);
        Assert.Equal(new OvsDatapath(1, 2, 3, 4, 5, 6), counters.OvsDatapath);
        Assert.Null(counters.Ethernet);
    }

    [Fact]
    public async Task Collector_SequenceGapsRestartsAndLateDatagrams_AreAccountedPerAgentStream()
    {
        await using var loopback = new LoopbackCollector();
        var sent = 0;
        void Send(uint subAgent, uint sequence, uint uptime, uint sampleSequence)
        {
            loopback.Send(new SFlowDatagramBuilder().Agent(Agent).SubAgentId(subAgent).SequenceNumber(sequence).UptimeMs(uptime)
                .FlowSample(s => s.SequenceNumber(sampleSequence).Source(0, 1).SamplingRate(1)
                    .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(1, 0, 1, 0))))
                .Build());
            sent++;
        }

        // Sub-agent 0: datagrams 4-6 never arrive; samples 13-15 with them; then the agent restarts and counts from 1.
        Send(0, 1, 10_000, 10);
        Send(0, 2, 11_000, 11);
        Send(0, 3, 12_000, 12);
        Send(0, 7, 16_000, 16);
        Send(0, 1, 500, 1);
        Send(0, 2, 1_500, 2);

        // Sub-agent 1: one datagram arrives late; it is first counted lost, then late, so none is lost in the end.
        Send(1, 100, 50_000, 200);
        Send(1, 102, 52_000, 202);
        Send(1, 101, 51_000, 201);
        Send(1, 103, 53_000, 203);

        var statistics = await loopback.WaitForProcessedAsync(sent);

        var agents = loopback.Collector.GetAgents().ToDictionary(a => a.Key, a => a.Value);
        var zero = agents[new AgentKey(Agent, 0)];
        Assert.Equal(6, zero.Datagrams);
        Assert.Equal(3, zero.LostDatagrams);
        Assert.Equal(3, zero.LostSamples);
        Assert.Equal(1, zero.Restarts);
        Assert.Equal(2u, zero.LastSequence);

        var one = agents[new AgentKey(Agent, 1)];
        Assert.Equal(1, one.LostDatagrams);
        Assert.Equal(1, one.LateDatagrams);
        Assert.Equal(0, one.NetLostDatagrams);
        Assert.Equal(0, one.Restarts);
        Assert.Equal(103u, one.LastSequence);

        Assert.Equal(3, statistics.LostDatagrams);
        Assert.Equal(1, statistics.AgentRestarts);
        Assert.Equal(sent, statistics.DatagramsDecoded);
    }

    [Fact]
    public async Task Collector_MalformedDatagramsBetweenGoodOnes_AreCountedAndDoNotStopDecoding()
    {
        await using var loopback = new LoopbackCollector();
        var good = SFlowDatagramCorpus.Names.Select(SFlowDatagramCorpus.Build).ToArray();
        var random = new Random(7);
        var expectedMalformed = 0;
        for (var i = 0; i < 200; i++)
        {
            var datagram = good[i % good.Length];
            var truncated = datagram[..random.Next(28, datagram.Length - 1)];
            loopback.Send(truncated);
            expectedMalformed++;
            loopback.Send(datagram);
        }

        var statistics = await loopback.WaitForProcessedAsync(400);

        Assert.Equal(expectedMalformed, statistics.DatagramsMalformed);
        Assert.Equal(200, statistics.DatagramsDecoded);
        Assert.Equal(0, statistics.InternalErrors);
        Assert.False(loopback.Collector.Completion.IsCompleted);
        Assert.All(statistics.MalformedByReason, pair => Assert.NotEqual(SFlowErrorCode.None, pair.Key));
    }

    [Fact]
    public async Task Collector_OversizeDatagram_IsDroppedAndCounted()
    {
        await using var loopback = new LoopbackCollector(configure: s => s with { MaxDatagramBytes = 1024 });
        var big = new byte[2000];
        var small = SFlowDatagramCorpus.Names.Select(SFlowDatagramCorpus.Build).First(d => d.Length < 1024);

        loopback.Send(big);
        loopback.Send(small);
        var statistics = await loopback.WaitForProcessedAsync(2);

        Assert.Equal(1, statistics.DroppedOversize);
        Assert.Equal(1, statistics.DatagramsDecoded);
    }

    [Fact]
    public async Task Collector_DecodeWorkerStalledBriefly_LosesNothing()
    {
        var sink = new BlockingSink();
        await using var loopback = new LoopbackCollector(sink, s => s with { QueueBytes = 16 * 1024 });
        var datagram = LargestDatagram();
        const int Sent = 100;

        // Far more than the 16 KB queue holds: the rest must wait in the socket's receive buffer, not be dropped.
        for (var i = 0; i < Sent; i++)
        {
            loopback.Send(datagram);
        }

        Assert.True(await Testing.Polling.Poll.UntilAsync(() => loopback.Collector.GetStatistics().BackpressureEvents > 0, LoopbackCollector.Timeout));
        var whileBlocked = loopback.Collector.GetStatistics();
        sink.Release();
        var statistics = await loopback.WaitForProcessedAsync(Sent);

        Assert.True(whileBlocked.DatagramsReceived < Sent, $"the receive loop kept reading while its queue was full: {whileBlocked}");
        Assert.True(whileBlocked.QueuedBytes <= (16 * 1024) + (64 * 9_216), $"queue grew past its bound: {whileBlocked.QueuedBytes} bytes");
        Assert.Equal(Sent, statistics.DatagramsDecoded);
        Assert.Equal(0, statistics.DatagramsDropped);
        Assert.True(statistics.ReceivePausedSeconds > 0, statistics.ToString());
    }

    [Fact]
    public async Task Collector_DecodeWorkerBehindPastTheSocketBuffer_KernelDropsAreCounted()
    {
        var sink = new BlockingSink();
        await using var loopback = new LoopbackCollector(sink, s => s with { QueueBytes = 16 * 1024, ReceiveBufferBytes = 4096 });
        var datagram = LargestDatagram();
        const int Sent = 2_000;

        for (var i = 0; i < Sent; i++)
        {
            loopback.Send(datagram);
        }

        Assert.True(await Testing.Polling.Poll.UntilAsync(() => loopback.Collector.GetStatistics().DroppedSocketBuffer > 0, LoopbackCollector.Timeout));
        sink.Release();
        Assert.True(await Testing.Polling.Poll.UntilAsync(
            () => loopback.Collector.GetStatistics() is var s && s.DatagramsDecoded + s.DroppedSocketBuffer == Sent,
            LoopbackCollector.Timeout));
        var statistics = loopback.Collector.GetStatistics();

        Assert.InRange(statistics.DatagramsDecoded, 1, Sent - 1);
        Assert.Equal(statistics.DatagramsReceived, statistics.DatagramsDecoded);
    }

    [Fact]
    public async Task Collector_WarmUp_EndsWithinItsLimitAndLeavesNoTrace()
    {
        var clock = Stopwatch.StartNew();
        await using var loopback = new LoopbackCollector(
            configureCollector: o => o with { WarmupTime = TimeSpan.FromMilliseconds(100), WarmupLimit = TimeSpan.FromSeconds(1) });
        var started = clock.Elapsed;
        var statistics = loopback.Collector.GetStatistics();

        // The limit bounds the sending; stopping the private path afterwards takes a moment more.
        Assert.InRange(started, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
        Assert.Equal(0, statistics.DatagramsReceived);
        Assert.Equal(0, statistics.DatagramsDecoded);
        Assert.Equal(0, statistics.Agents);
        Assert.Equal(0, loopback.Collector.GetRecordCounts().Flow.Sum());
    }

    private static byte[] LargestDatagram() =>
        SFlowDatagramCorpus.Names.Select(SFlowDatagramCorpus.Build).OrderByDescending(d => d.Length).First();

    /// <summary>A sink whose first write blocks the decode worker until the test releases it.</summary>
    private sealed class BlockingSink : Collector.Sinks.IRecordSink
    {
        private readonly ManualResetEventSlim _released = new();

        public string Name => "blocking";

        public void Release() => _released.Set();

        public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters) => _released.Wait(LoopbackCollector.Timeout);

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _released.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
