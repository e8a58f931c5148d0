using k8s.Models;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Tests.Runtime.Support;

namespace NetworkMachinery.Operator.Tests.Runtime.Events;

public sealed class EventCorrelatorTests
{
    private static readonly EventRecorderOptions Options = new() { Component = "netm-operator", Instance = "host-1", Burst = 3, RefillInterval = TimeSpan.FromMinutes(5), CacheSize = 8 };

    [Fact]
    public void Correlate_SameObjectTypeReasonMessage_IsOneEventWhoseCountGrows_FirstTimestampKept()
    {
        var time = new ManualTimeProvider();
        var correlator = new EventCorrelator(Options with { Burst = 10 }, time);

        var first = correlator.Correlate(Event("web", "uid-1", "Succeeded", "all 2 targets reachable"))!;
        var started = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromSeconds(30));
        var second = correlator.Correlate(Event("web", "uid-1", "Succeeded", "all 2 targets reachable"))!;
        time.Advance(TimeSpan.FromSeconds(30));
        var third = correlator.Correlate(Event("web", "uid-1", "Succeeded", "all 2 targets reachable"))!;

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.False(third.IsNew);
        Assert.Equal(first.Event.Metadata.Name, third.Event.Metadata.Name);
        Assert.Equal((1, 2, 3), (first.Event.Count, second.Event.Count, third.Event.Count));
        Assert.Equal(started, third.Event.FirstTimestamp);
        Assert.Equal(started.AddSeconds(60), third.Event.LastTimestamp);
        Assert.Equal("ns", third.Event.Metadata.NamespaceProperty);
        Assert.StartsWith("web.", third.Event.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlate_AnotherMessageReasonOrObject_IsAnotherEvent_WithAUniqueName()
    {
        var correlator = new EventCorrelator(Options with { Burst = 10 }, new ManualTimeProvider());

        var writes = new[]
        {
            correlator.Correlate(Event("web", "uid-1", "Failed", "no target reachable: a")),
            correlator.Correlate(Event("web", "uid-1", "Failed", "no target reachable: b")),
            correlator.Correlate(Event("web", "uid-1", "Degraded", "no target reachable: a")),
            correlator.Correlate(Event("web", "uid-2", "Failed", "no target reachable: a")),
        };

        Assert.All(writes, write => Assert.True(write!.IsNew));
        Assert.All(writes, write => Assert.Equal(1, write!.Event.Count));
        Assert.Equal(4, writes.Select(write => write!.Event.Metadata.Name).Distinct().Count());
    }

    [Fact]
    public void Correlate_HotLoop_PassesTheBurstThenOnePerRefillInterval_PerObject()
    {
        var time = new ManualTimeProvider();
        var correlator = new EventCorrelator(Options, time);

        var loop = Enumerable.Range(0, 10).Select(i => correlator.Correlate(Event("hot", "uid-1", "Failed", $"attempt {i}"))).ToList();
        var other = correlator.Correlate(Event("calm", "uid-2", "Failed", "once"));
        time.Advance(TimeSpan.FromMinutes(4));
        var tooEarly = correlator.Correlate(Event("hot", "uid-1", "Failed", "later"));
        time.Advance(TimeSpan.FromMinutes(1));
        var refilled = correlator.Correlate(Event("hot", "uid-1", "Failed", "later"));
        var againAtOnce = correlator.Correlate(Event("hot", "uid-1", "Failed", "later"));

        Assert.Equal(3, loop.Count(write => write is not null));
        Assert.All(loop.Skip(3), write => Assert.Null(write));
        Assert.NotNull(other);
        Assert.Null(tooEarly);
        Assert.NotNull(refilled);
        Assert.Null(againAtOnce);
    }

    [Fact]
    public void Correlate_MoreEventsThanTheCacheHolds_ForgetsTheLeastRecentlySeen()
    {
        var correlator = new EventCorrelator(Options with { CacheSize = 2, Burst = 10 }, new ManualTimeProvider());
        correlator.Correlate(Event("a", "uid-a", "Succeeded", "ok"));
        correlator.Correlate(Event("b", "uid-b", "Succeeded", "ok"));
        var aAgain = correlator.Correlate(Event("a", "uid-a", "Succeeded", "ok"))!;

        // c pushes out b (a was seen more recently); b comes back as a new Event, a is still aggregated.
        correlator.Correlate(Event("c", "uid-c", "Succeeded", "ok"));
        var bAgain = correlator.Correlate(Event("b", "uid-b", "Succeeded", "ok"))!;

        Assert.False(aAgain.IsNew);
        Assert.True(bAgain.IsNew);
        Assert.Equal(1, bAgain.Event.Count);
    }

    private static Corev1Event Event(string name, string uid, string reason, string message) => new()
    {
        InvolvedObject = new V1ObjectReference { ApiVersion = "networkmachinery.io/v1alpha1", Kind = "NetworkConnectivityTest", Name = name, NamespaceProperty = "ns", Uid = uid },
        Type = EventTypes.Warning,
        Reason = reason,
        Message = message,
        Source = new V1EventSource { Component = "netm-operator", Host = "host-1" },
    };
}
