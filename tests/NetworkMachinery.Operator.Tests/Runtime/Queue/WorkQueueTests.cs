using System.Collections.Concurrent;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Tests.Runtime.Support;

namespace NetworkMachinery.Operator.Tests.Runtime.Queue;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(5);
    private readonly ManualTimeProvider _time = new();
    private readonly WorkQueueMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());

    [Fact]
    public async Task Add_SameKeyTwiceWhileWaiting_IsHandedOutOnce()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        Assert.Equal(2, queue.Count);
        Assert.Equal(("a", false), await queue.GetAsync(default));
        Assert.Equal(("b", false), await queue.GetAsync(default));
        Assert.False(queue.GetAsync(default).AsTask().IsCompleted);
    }

    [Fact]
    public async Task Add_KeyBeingProcessed_WaitsUntilDoneThenIsHandedOutOnce()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var (key, _) = await queue.GetAsync(default);

        queue.Add("a");
        queue.Add("a");
        var next = queue.GetAsync(default).AsTask();

        // Never two workers on one key: it waits for Done instead of being queued next to the one in process.
        Assert.Equal(0, queue.Count);
        Assert.False(next.IsCompleted);
        queue.Done(key);
        Assert.Equal(("a", false), await next.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task GetAsync_HandsKeysOutInTheOrderTheyWereAdded()
    {
        using var queue = NewQueue();
        foreach (var key in new[] { "c", "a", "b" })
        {
            queue.Add(key);
        }

        var taken = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            taken.Add((await queue.GetAsync(default)).Key);
        }

        Assert.Equal(["c", "a", "b"], taken);
    }

    [Fact]
    public async Task GetAsync_WaitingWorkers_AreServedFirstComeFirstServed()
    {
        using var queue = NewQueue();
        var first = queue.GetAsync(default).AsTask();
        var second = queue.GetAsync(default).AsTask();

        queue.Add("a");

        Assert.Equal(("a", false), await first.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task AddAfter_KeyArrivesWhenItsDelayHasPassed()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(("a", false), await queue.GetAsync(default));
    }

    [Fact]
    public async Task AddAfter_SameKeyTwice_TheEarlierTimeWinsAndItArrivesOnce()
    {
        using var queue = NewQueue();
        queue.AddAfter("late-first", TimeSpan.FromSeconds(5));
        queue.AddAfter("late-first", TimeSpan.FromSeconds(1));
        queue.AddAfter("early-first", TimeSpan.FromSeconds(1));
        queue.AddAfter("early-first", TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, queue.Count);
        queue.Done((await queue.GetAsync(default)).Key);
        queue.Done((await queue.GetAsync(default)).Key);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task AddRateLimited_ConsecutiveFailures_BackOff5Then10Then20Milliseconds_AndForgetStartsOver()
    {
        using var queue = NewQueue();
        foreach (var expected in new[] { 5, 10, 20 })
        {
            queue.AddRateLimited("a");
            _time.Advance(TimeSpan.FromMilliseconds(expected) - TimeSpan.FromTicks(1));
            Assert.Equal(0, queue.Count);
            _time.Advance(TimeSpan.FromTicks(1));
            var (key, _) = await queue.GetAsync(default);
            queue.Done(key);
        }

        Assert.Equal(3, queue.NumRequeues("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
        queue.AddRateLimited("a");
        _time.Advance(BaseDelay);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task ShutDown_WakesWaitingWorkers_AndIgnoresLaterAdds()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(default).AsTask();

        queue.ShutDown();
        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).ShutDown);
        Assert.True(queue.IsShuttingDown);
        Assert.Equal(0, queue.Count);
        Assert.True((await queue.GetAsync(default)).ShutDown);
    }

    [Fact]
    public async Task ShutDown_KeysQueuedBefore_AreStillHandedOut_ThenShutDownIsReported()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");

        queue.ShutDown();

        Assert.Equal(("a", false), await queue.GetAsync(default));
        Assert.Equal(("b", false), await queue.GetAsync(default));
        Assert.True((await queue.GetAsync(default)).ShutDown);
    }

    [Fact]
    public async Task ShutDown_DelayedKeys_AreDropped()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));

        queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await queue.GetAsync(default)).ShutDown);
    }

    [Fact]
    public async Task ShutDownWithDrain_WaitsUntilEveryKeyHandedOutIsDone()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        var a = (await queue.GetAsync(default)).Key;
        var b = (await queue.GetAsync(default)).Key;

        var drained = queue.ShutDownWithDrainAsync(default);
        Assert.False(drained.IsCompleted);
        queue.Done(a);
        Assert.False(drained.IsCompleted);
        queue.Done(b);

        await drained.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GetAsync_CancelledWhileWaiting_ThrowsAndTheNextKeyGoesToTheQueue()
    {
        using var queue = NewQueue();
        using var cancel = new CancellationTokenSource();
        var waiting = queue.GetAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        queue.Add("a");

        Assert.Equal(1, queue.Count);
        Assert.Equal(("a", false), await queue.GetAsync(default));
    }

    [Fact]
    public async Task Metrics_CountAddsRetriesAndDepth()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        Assert.Equal((3, 2), (_metrics.Adds.WithLabels("test").Value, _metrics.Depth.WithLabels("test").Value));

        var (key, _) = await queue.GetAsync(default);
        _time.Advance(TimeSpan.FromSeconds(2));
        queue.Done(key);
        queue.AddRateLimited("c");

        Assert.Equal(1, _metrics.Depth.WithLabels("test").Value);
        Assert.Equal(1, _metrics.Retries.WithLabels("test").Value);
        Assert.Equal(1, _metrics.QueueDuration.WithLabels("test").Count);
        Assert.Equal(2, _metrics.WorkDuration.WithLabels("test").Sum, precision: 6);
    }

    [Fact]
    public async Task ConcurrentWorkers_NeverShareAKey_AndNoAddIsLost()
    {
        const int keys = 50;
        const int addsPerKey = 20;
        using var queue = new WorkQueue<int>("concurrency", new ExponentialFailureRateLimiter<int>(BaseDelay, TimeSpan.FromSeconds(1)), TimeProvider.System, _metrics);
        var inProcess = new ConcurrentDictionary<int, int>();
        var lastAdd = new long[keys];
        var lastStart = new long[keys];
        var clash = 0;
        long sequence = 0;

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (key, shutDown) = await queue.GetAsync(default);
                if (shutDown)
                {
                    return;
                }

                Interlocked.Exchange(ref lastStart[key], Interlocked.Increment(ref sequence));
                if (inProcess.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref clash);
                }

                await Task.Yield();
                inProcess.AddOrUpdate(key, 0, (_, n) => n - 1);
                queue.Done(key);
            }
        })).ToArray();

        var adders = Enumerable.Range(0, 4).Select(adder => Task.Run(() =>
        {
            for (var i = 0; i < addsPerKey * keys / 4; i++)
            {
                var key = ((i * 7) + adder) % keys;
                Interlocked.Exchange(ref lastAdd[key], Interlocked.Increment(ref sequence));
                queue.Add(key);
            }
        })).ToArray();
        await Task.WhenAll(adders);

        // Every key's last add must be followed by a processing of that key.
        var settled = await NetworkMachinery.Testing.Polling.Poll.UntilAsync(
            () => Enumerable.Range(0, keys).All(key => Interlocked.Read(ref lastStart[key]) > Interlocked.Read(ref lastAdd[key])),
            TimeSpan.FromSeconds(20));
        await queue.ShutDownWithDrainAsync(default);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, clash);
        Assert.True(settled, "Some key's last add was never processed.");
    }

    private WorkQueue<string> NewQueue() =>
        new("test", new ExponentialFailureRateLimiter<string>(BaseDelay, TimeSpan.FromSeconds(1000)), _time, _metrics);
}
