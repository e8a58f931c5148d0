using NetworkMachinery.Collector.Bus;
using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Tests.Bus;

public class RecordBusTests
{
    [Fact]
    public void Write_EverySubscriberGetsItsOwnCopyOfEachRecord()
    {
        var bus = new RecordBus();
        var first = bus.Subscribe("first");
        var second = bus.Subscribe("second");

        bus.Write([new FlowRecord { SampleSequence = 1 }, new FlowRecord { SampleSequence = 2 }], [new CounterRecord { SampleSequence = 9 }]);

        foreach (var subscription in new[] { first, second })
        {
            Assert.True(subscription.Flows.TryRead(out var a));
            Assert.True(subscription.Flows.TryRead(out var b));
            Assert.Equal((1u, 2u), (a.SampleSequence, b.SampleSequence));
            Assert.True(subscription.Counters.TryRead(out var c));
            Assert.Equal(9u, c.SampleSequence);
        }
    }

    [Fact]
    public void Write_SlowSubscriber_LosesAndCountsWhatDoesNotFitWithoutBlockingOthers()
    {
        var bus = new RecordBus();
        var slow = bus.Subscribe("slow", flowCapacity: 3, counterCapacity: 1);
        var fast = bus.Subscribe("fast");

        bus.Write(new FlowRecord[10], new CounterRecord[4]);

        Assert.Equal(7, slow.DroppedFlows);
        Assert.Equal(3, slow.DroppedCounters);
        Assert.Equal(0, fast.DroppedFlows);
        Assert.Equal(10, fast.Flows.Count);
    }

    [Fact]
    public async Task Unsubscribe_CompletesTheSubscribersQueuesAndStopsDelivery()
    {
        var bus = new RecordBus();
        var subscription = bus.Subscribe("leaving");

        bus.Unsubscribe(subscription);
        bus.Write(new FlowRecord[1], []);

        Assert.Empty(bus.Subscriptions);
        Assert.False(await subscription.Flows.WaitToReadAsync());
    }
}
