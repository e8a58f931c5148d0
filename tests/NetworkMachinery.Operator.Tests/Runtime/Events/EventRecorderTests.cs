using System.Net;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Operator.Tests.Runtime.Events;

public sealed class EventRecorderTests
{
    [Fact]
    public async Task Record_FailingApiServer_NeverThrows_CountsTheFailure_AndKeepsWriting()
    {
        var sink = new ScriptedSink { FailCreates = 1 };
        var (recorder, metrics) = Recorder(sink);
        await recorder.StartAsync(default);

        recorder.Record(Widget("a"), EventTypes.Warning, "Failed", "first");
        recorder.Record(Widget("b"), EventTypes.Normal, "Succeeded", "second");
        await recorder.StopAsync(default);

        Assert.Equal(["b"], sink.Created.Select(e => e.InvolvedObject.Name));
        Assert.Equal(1, metrics.Events.WithLabels("failed").Value);
        Assert.Equal(1, metrics.Events.WithLabels("created").Value);
    }

    [Fact]
    public async Task Record_NamespaceBeingDeleted_IsDroppedNotFailed()
    {
        var forbidden = new HttpOperationException("Forbidden")
        {
            Response = new HttpResponseMessageWrapper(
                new HttpResponseMessage(HttpStatusCode.Forbidden),
                """{"kind":"Status","status":"Failure","reason":"Forbidden","details":{"causes":[{"reason":"NamespaceTerminating"}]}}"""),
        };
        var sink = new ScriptedSink { FailCreates = 1, Failure = forbidden };
        var (recorder, metrics) = Recorder(sink);
        await recorder.StartAsync(default);

        recorder.Record(Widget("a"), EventTypes.Normal, "Succeeded", "ok");
        await recorder.StopAsync(default);

        Assert.Equal((1, 0), (metrics.Events.WithLabels("dropped").Value, metrics.Events.WithLabels("failed").Value));
    }

    [Fact]
    public async Task Record_Repeat_PatchesTheEvent_AndCreatesItAgainWhenTheApiServerExpiredIt()
    {
        var sink = new ScriptedSink();
        var (recorder, metrics) = Recorder(sink);
        await recorder.StartAsync(default);

        recorder.Record(Widget("a"), EventTypes.Normal, "Succeeded", "ok");
        recorder.Record(Widget("a"), EventTypes.Normal, "Succeeded", "ok");
        Assert.True(await Poll.UntilAsync(() => sink.Writes == 2, TimeSpan.FromSeconds(10)));
        sink.Forget();
        recorder.Record(Widget("a"), EventTypes.Normal, "Succeeded", "ok");
        await recorder.StopAsync(default);

        // The third write is a patch that finds nothing (the TTL passed), so the Event is created again with its count.
        Assert.Equal([1, 3], sink.Created.Select(e => e.Count));
        Assert.Single(sink.Created.Select(e => e.Metadata.Name).Distinct());
        Assert.Equal((2, 1), (metrics.Events.WithLabels("created").Value, metrics.Events.WithLabels("patched").Value));
    }

    [Fact]
    public async Task Record_ReferencesTheObject_AndNamesTheReporter()
    {
        var sink = new ScriptedSink();
        var (recorder, _) = Recorder(sink);
        await recorder.StartAsync(default);

        recorder.Record(Widget("a"), EventTypes.Warning, "InvalidSpec", "spec.size: must be positive");
        await recorder.StopAsync(default);

        var written = Assert.Single(sink.Created);
        var involved = written.InvolvedObject;
        Assert.Equal(("runtimetest.networkmachinery.io/v1", "Widget", "ns", "a", "uid-a", "42"), (involved.ApiVersion, involved.Kind, involved.NamespaceProperty, involved.Name, involved.Uid, involved.ResourceVersion));
        Assert.Equal(("Warning", "InvalidSpec", "spec.size: must be positive"), (written.Type, written.Reason, written.Message));
        Assert.Equal(("netm-operator", "host-1"), (written.Source.Component, written.Source.Host));
        Assert.Equal(("netm-operator", "host-1"), (written.ReportingComponent, written.ReportingInstance));
    }

    [Fact]
    public async Task Record_QueueFull_DropsAndCounts_InsteadOfBlocking()
    {
        var sink = new ScriptedSink();
        var (recorder, metrics) = Recorder(sink, capacity: 2);

        // Not started: nothing drains the queue.
        for (var i = 0; i < 5; i++)
        {
            recorder.Record(Widget($"w{i}"), EventTypes.Normal, "Succeeded", "ok");
        }

        Assert.Equal(3, metrics.Events.WithLabels("dropped").Value);
        await recorder.StartAsync(default);
        await recorder.StopAsync(default);
        Assert.Equal(["w0", "w1"], sink.Created.Select(e => e.InvolvedObject.Name));
    }

    private static (EventRecorder Recorder, EventMetrics Metrics) Recorder(ScriptedSink sink, int capacity = 100)
    {
        var metrics = new EventMetrics(Prometheus.Metrics.NewCustomRegistry());
        var options = new EventRecorderOptions { Instance = "host-1", QueueCapacity = capacity };
        return (new EventRecorder(options, sink, metrics, new ManualTimeProvider(), NullLogger<EventRecorder>.Instance), metrics);
    }

    private static Widget Widget(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", Uid = $"uid-{name}", ResourceVersion = "42" },
    };

    /// <summary>Keeps the Events it is given; fails the first creates it is told to, and forgets them all on request.</summary>
    private sealed class ScriptedSink : IEventSink
    {
        private readonly HashSet<string> _existing = [];
        private int _writes;

        public int FailCreates { get; set; }

        public Exception Failure { get; set; } = new HttpRequestException("connection refused");

        public List<Corev1Event> Created { get; } = [];

        /// <summary>Creates and patches done so far.</summary>
        public int Writes => Volatile.Read(ref _writes);

        public void Forget() => _existing.Clear();

        public Task CreateAsync(Corev1Event recorded, CancellationToken cancellationToken)
        {
            if (FailCreates-- > 0)
            {
                throw Failure;
            }

            Created.Add(Copy(recorded));
            _existing.Add(recorded.Metadata.Name);
            Interlocked.Increment(ref _writes);
            return Task.CompletedTask;
        }

        public Task<bool> PatchAsync(Corev1Event recorded, CancellationToken cancellationToken)
        {
            var found = _existing.Contains(recorded.Metadata.Name);
            if (found)
            {
                Interlocked.Increment(ref _writes);
            }

            return Task.FromResult(found);
        }

        private static Corev1Event Copy(Corev1Event recorded) => k8s.KubernetesJson.Deserialize<Corev1Event>(k8s.KubernetesJson.Serialize(recorded));
    }
}
