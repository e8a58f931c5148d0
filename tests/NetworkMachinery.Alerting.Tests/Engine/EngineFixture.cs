using System.Net;
using Google.Protobuf;
using k8s.Models;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using Prometheus;

namespace NetworkMachinery.Alerting.Tests.Engine;

/// <summary>An engine on a manual clock that starts on a whole minute, with helpers to build monitors and records.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public EngineFixture()
    {
        Clock = new ManualClock(Start);
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Engine = new MonitorEngine(Clock, new AlertingMetrics(Registry));
    }

    public ManualClock Clock { get; }

    public CollectorRegistry Registry { get; }

    public MonitorEngine Engine { get; }

    public static V1Alpha1NetworkMonitor Monitor(string name, MonitorFlow[] flows, MonitorThreshold[] thresholds, int maxKeys = 10000, string uid = "uid-1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = uid },
        Spec = new NetworkMonitorSpec { Flows = flows, Thresholds = thresholds, MaxKeys = maxKeys },
    };

    /// <summary>A monitor with one flow (keyed by srcAddr unless told) and one threshold on it.</summary>
    public static V1Alpha1NetworkMonitor FlowMonitor(string? filter = null, double level = 100, string window = "10s", string windowType = WindowType.Sliding, bool byFlow = false, string hold = "0", string value = FlowValue.Frames, string[]? keys = null, int maxKeys = 10000, string name = "m") =>
        Monitor(
            name,
            [new MonitorFlow { Name = "f", Keys = keys ?? [FlowKey.SrcAddr], Value = value, Filter = filter }],
            [new MonitorThreshold { Name = "t", Flow = "f", Value = level, Window = window, WindowType = windowType, ByFlow = byFlow, Hold = hold }],
            maxKeys);

    public static V1Alpha1NetworkMonitor MetricMonitor(string metric, double level, string window = "10s", string hold = "0") =>
        Monitor("m", [], [new MonitorThreshold { Name = "t", Metric = metric, Value = level, Window = window, Hold = hold }]);

    public static FlowMessage Flow(string src = "10.0.0.1", string dst = "10.1.0.1", uint proto = 6, uint srcPort = 40000, uint dstPort = 443, ulong bytes = 1000, ulong rate = 1) => new()
    {
        SamplerAddress = ByteString.CopyFrom(IPAddress.Parse("192.0.2.1").GetAddressBytes()),
        SrcAddr = ByteString.CopyFrom(IPAddress.Parse(src).GetAddressBytes()),
        DstAddr = ByteString.CopyFrom(IPAddress.Parse(dst).GetAddressBytes()),
        Proto = proto,
        SrcPort = srcPort,
        DstPort = dstPort,
        Bytes = bytes * rate,
        Packets = rate,
        SamplingRate = rate,
        InIf = 3,
        Etype = 0x0800,
    };

    public static ulong Nanoseconds(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public IReadOnlyList<MonitorProblem> Apply(params V1Alpha1NetworkMonitor[] monitors) => Engine.Apply(monitors);

    /// <summary>Observes <paramref name="count"/> copies of <paramref name="flow"/>.</summary>
    public void Observe(FlowMessage flow, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Engine.Observe(flow);
        }
    }

    /// <summary>Moves the clock <paramref name="seconds"/> on and advances the engine to it.</summary>
    public IReadOnlyList<NetworkEvent> After(double seconds)
    {
        Clock.Now += TimeSpan.FromSeconds(seconds);
        return Engine.Advance(Clock.Now);
    }

    /// <summary>The value of a metric series (0 when it does not exist).</summary>
    public double Metric(string name, params string[] labels)
    {
        using var stream = new MemoryStream();
        Registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var selector = labels.Length == 0 ? name + " " : name + "{" + string.Join(',', labels) + "} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(selector, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[selector.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
