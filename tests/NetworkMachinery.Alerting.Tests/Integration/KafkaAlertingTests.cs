using NetworkMachinery.Alerting.Tests.Delivery;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// <c>netm run --kafka</c>: the same job with its components meeting on a real Kafka broker (flows produced by the
/// collector, consumed by alerting, the event published on the events topic) instead of the in-process bus. The
/// sFlow comes from the test over loopback (the Open vSwitch test covers a real exporter).
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class KafkaAlertingTests(KafkaBrokerFixture kafka)
{
    [Fact]
    public async Task OverKafka_TrafficAboveTheThreshold_IsDelivered_AndClearsWhenItStops()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sflowPort = FreePorts.Udp();
        await using var run = await NetmRunProcess.StartAsync(TalkerMonitor.Yaml(("receiver", receiver.Url("/hook"))), sflowPort, extraArguments: kafka.Broker.CommandLineArguments($"nmt{Guid.NewGuid():N}"[..16]));
        Assert.Contains($"over Kafka at {kafka.Broker.BootstrapServers}", run.Process.StandardError, StringComparison.Ordinal);

        // Sent until the condition is raised (the consumers join the group meanwhile), then stopped.
        using var talker = new HeavyTalker(sflowPort);
        var raised = await talker.SendUntilAsync(() => receiver.Posted("ThresholdRaised").Count > 0, TimeSpan.FromSeconds(60));
        Assert.True(raised, $"no ThresholdRaised within 60 s of {talker.Sent} datagrams; stderr: {run.Process.StandardError}");

        var posted = receiver.Posted("ThresholdRaised").Single();
        Assert.Equal(HeavyTalker.Source.ToString(), posted.GetProperty("flowKey").GetProperty("srcAddr").GetString());
        Assert.Equal(HeavyTalker.Destination.ToString(), posted.GetProperty("flowKey").GetProperty("dstAddr").GetString());
        Assert.True(
            await Poll.UntilAsync(() => receiver.Posted("ThresholdCleared").Count > 0, TimeSpan.FromSeconds(30)),
            $"no ThresholdCleared within 30 s; stdout: {run.Process.StandardOutput}");
        Assert.Single(run.EventsOf("THRESHOLD_RAISED"));
        Assert.Single(run.EventsOf("THRESHOLD_CLEARED"));

        var stopped = await run.Process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(20));
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains($"received {talker.Sent} datagrams", stopped.StandardError, StringComparison.Ordinal);
    }
}
