using NetworkMachinery.Collector.Accounting;

namespace NetworkMachinery.Collector.Tests.Accounting;

public class SequenceTrackerTests
{
    [Fact]
    public void Observe_FirstNumber_IsFirstWithNothingMissing()
    {
        var tracker = default(SequenceTracker);

        Assert.Equal(SequenceStep.First, tracker.Observe(500, out var missing));
        Assert.Equal(0u, missing);
        Assert.Equal(500u, tracker.Last);
    }

    [Fact]
    public void Observe_NextNumber_IsInOrder()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(7, out _);

        Assert.Equal(SequenceStep.InOrder, tracker.Observe(8, out var missing));
        Assert.Equal(0u, missing);
    }

    [Fact]
    public void Observe_Jump_ReportsTheNumbersSkipped()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(10, out _);

        Assert.Equal(SequenceStep.Gap, tracker.Observe(14, out var missing));
        Assert.Equal(3u, missing);
        Assert.Equal(14u, tracker.Last);
    }

    [Fact]
    public void Observe_WrapAround_IsInOrder()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(uint.MaxValue, out _);

        Assert.Equal(SequenceStep.InOrder, tracker.Observe(0, out _));
        Assert.Equal(SequenceStep.Gap, tracker.Observe(3, out var missing));
        Assert.Equal(2u, missing);
    }

    [Fact]
    public void Observe_SlightlyBehind_IsLateAndDoesNotMoveTheStream()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(100, out _);
        tracker.Observe(105, out _);

        Assert.Equal(SequenceStep.Late, tracker.Observe(103, out _));
        Assert.Equal(SequenceStep.Late, tracker.Observe(105, out _));
        Assert.Equal(105u, tracker.Last);
        Assert.Equal(SequenceStep.InOrder, tracker.Observe(106, out _));
    }

    [Fact]
    public void Observe_FarBehind_IsReset()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(50_000, out _);

        Assert.Equal(SequenceStep.Reset, tracker.Observe(1, out _));
        Assert.Equal(1u, tracker.Last);
        Assert.Equal(SequenceStep.InOrder, tracker.Observe(2, out _));
    }

    [Fact]
    public void Observe_JustInsideAndOutsideTheReorderWindow_AreLateAndReset()
    {
        var inside = default(SequenceTracker);
        inside.Observe(10_000, out _);
        var outside = inside;

        Assert.Equal(SequenceStep.Late, inside.Observe(10_000 - SequenceTracker.ReorderWindow, out _));
        Assert.Equal(SequenceStep.Reset, outside.Observe(10_000 - SequenceTracker.ReorderWindow - 1, out _));
    }

    [Fact]
    public void Observe_HugeJumpAhead_IsResetNotMillionsLost()
    {
        var tracker = default(SequenceTracker);
        tracker.Observe(1_000, out _);

        Assert.Equal(SequenceStep.Gap, tracker.Observe(1_000 + SequenceTracker.MaxGap, out var missing));
        Assert.Equal(SequenceTracker.MaxGap - 1, missing);
        Assert.Equal(SequenceStep.Reset, tracker.Observe(1_000 + (3 * SequenceTracker.MaxGap), out missing));
        Assert.Equal(0u, missing);
    }
}
