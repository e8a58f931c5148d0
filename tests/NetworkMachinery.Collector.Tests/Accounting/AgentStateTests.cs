using NetworkMachinery.Collector.Accounting;

namespace NetworkMachinery.Collector.Tests.Accounting;

public class AgentStateTests
{
    private static readonly ulong FlowSource = SampleSequence.SourceKey(counters: false, 0, 3);
    private static readonly ulong CounterSource = SampleSequence.SourceKey(counters: true, 0, 3);

    [Fact]
    public void Observe_ContiguousDatagrams_CountsNoLoss()
    {
        var agent = new AgentState();
        for (uint i = 1; i <= 100; i++)
        {
            agent.Observe(i, 1000 + i, [new(FlowSource, i)], 0);
        }

        var stats = agent.Snapshot();
        Assert.Equal(100, stats.Datagrams);
        Assert.Equal(0, stats.LostDatagrams);
        Assert.Equal(0, stats.LostSamples);
        Assert.Equal(0, stats.Restarts);
        Assert.Equal(100u, stats.LastSequence);
    }

    [Fact]
    public void Observe_SequenceGap_CountsLostDatagrams()
    {
        var agent = new AgentState();
        agent.Observe(1, 1000, [], 0);
        agent.Observe(2, 1001, [], 0);
        agent.Observe(6, 1005, [], 0);
        agent.Observe(7, 1006, [], 0);
        agent.Observe(20, 1020, [], 0);

        Assert.Equal(3 + 12, agent.Snapshot().LostDatagrams);
    }

    [Fact]
    public void Observe_LateDatagram_FillsItsGapAndIsNotRestart()
    {
        var agent = new AgentState();
        agent.Observe(1, 1000, [], 0);
        agent.Observe(3, 1002, [], 0);
        agent.Observe(2, 1001, [], 0);

        var stats = agent.Snapshot();
        Assert.Equal(1, stats.LostDatagrams);
        Assert.Equal(1, stats.LateDatagrams);
        Assert.Equal(0, stats.NetLostDatagrams);
        Assert.Equal(0, stats.DuplicateDatagrams);
        Assert.Equal(0, stats.Restarts);
        Assert.Equal(3u, stats.LastSequence);
    }

    [Fact]
    public void Observe_RepeatedSequenceNumbers_AreDuplicatesNotLate()
    {
        var agent = new AgentState();
        agent.Observe(1, 1000, [], 0);
        agent.Observe(2, 1001, [], 0);
        agent.Observe(2, 1001, [], 0);
        agent.Observe(1, 1000, [], 0);
        agent.Observe(3, 1002, [], 0);

        var stats = agent.Snapshot();
        Assert.Equal(2, stats.DuplicateDatagrams);
        Assert.Equal(0, stats.LateDatagrams);
        Assert.Equal(0, stats.LostDatagrams);
    }

    [Fact]
    public void Observe_LateDatagramsAfterAGapWiderThanTheirDistance_FillOnlyTheirOwnNumbers()
    {
        var agent = new AgentState();
        agent.Observe(100, 1000, [], 0);
        agent.Observe(110, 1010, [], 0);
        agent.Observe(105, 1005, [], 0);
        agent.Observe(105, 1005, [], 0);
        agent.Observe(109, 1009, [], 0);

        var stats = agent.Snapshot();
        Assert.Equal(9, stats.LostDatagrams);
        Assert.Equal(2, stats.LateDatagrams);
        Assert.Equal(1, stats.DuplicateDatagrams);
        Assert.Equal(7, stats.NetLostDatagrams);
    }

    [Fact]
    public void Observe_UptimeGoesBack_IsRestartEvenWhenSequenceLooksInOrder()
    {
        var agent = new AgentState();
        agent.Observe(10, 5_000_000, [], 0);

        Assert.True(agent.Observe(11, 2_000, [], 0));
        Assert.Equal(1, agent.Snapshot().Restarts);
    }

    [Fact]
    public void Observe_SequenceRestartsFromOne_IsRestartAndCountsOnlyWhatWasMissedSince()
    {
        var agent = new AgentState();
        agent.Observe(90_000, 9_000_000, [], 0);

        Assert.True(agent.Observe(4, 3_000, [], 0));
        var stats = agent.Snapshot();
        Assert.Equal(1, stats.Restarts);
        Assert.Equal(3, stats.LostDatagrams);
        Assert.Equal(4u, stats.LastSequence);
        Assert.False(agent.Observe(5, 4_000, [], 0));
    }

    [Fact]
    public void Observe_UptimeWrapsAfter49Days_IsNotRestart()
    {
        var agent = new AgentState();
        agent.Observe(1, uint.MaxValue - 500, [], 0);

        Assert.False(agent.Observe(2, 600, [], 0));
        Assert.Equal(0, agent.Snapshot().Restarts);
    }

    [Fact]
    public void Observe_UptimeSlightlyBackOnLateDatagram_IsNotRestart()
    {
        var agent = new AgentState();
        agent.Observe(1, 100_000, [], 0);
        agent.Observe(3, 102_000, [], 0);

        Assert.False(agent.Observe(2, 101_000, [], 0));
    }

    [Fact]
    public void Observe_SampleGapsPerSource_CountsLostSamplesSeparatelyForFlowAndCounters()
    {
        var agent = new AgentState();
        agent.Observe(1, 1000, [new(FlowSource, 10), new(CounterSource, 500)], 0);
        agent.Observe(2, 1001, [new(FlowSource, 11), new(FlowSource, 15), new(CounterSource, 501)], 0);
        agent.Observe(3, 1002, [new(CounterSource, 504)], 0);

        Assert.Equal(3 + 2, agent.Snapshot().LostSamples);
    }

    [Fact]
    public void Observe_Restart_ForgetsSampleSequences()
    {
        var agent = new AgentState();
        agent.Observe(1000, 9_000_000, [new(FlowSource, 70_000)], 0);
        agent.Observe(1, 1_000, [new(FlowSource, 1)], 0);
        agent.Observe(2, 2_000, [new(FlowSource, 2)], 0);

        var stats = agent.Snapshot();
        Assert.Equal(0, stats.LostSamples);
        Assert.Equal(1, stats.Sources);
    }

    [Fact]
    public void Observe_RecordsLastSeen()
    {
        var agent = new AgentState();
        agent.Observe(1, 1000, [], 1_700_000_000_123);

        Assert.Equal(1_700_000_000_123, agent.Snapshot().LastSeenUnixMs);
    }
}
