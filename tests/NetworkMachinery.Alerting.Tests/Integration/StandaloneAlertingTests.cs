using System.Net;
using NetworkMachinery.Alerting.Tests.Delivery;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Ovs;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Traffic;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// The standalone main job end to end with real components: Open vSwitch exports sFlow of the traffic between two
/// network namespaces to <c>netm run</c> (collector, in-process bus, alerting, delivery in one process), which posts
/// to a real HTTP receiver. Everything runs in the switch's namespace, made for the test.
/// </summary>
public sealed class StandaloneAlertingTests
{
    private const int SFlowPort = 6343;
    private static readonly TimeSpan RaiseBound = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ClearBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TrafficAboveTheThreshold_IsDeliveredToTheWebhook_ClearsWhenItStops_AndADownReceiverExhaustsItsAttempts()
    {
        await using var ovs = await OvsSwitch.StartAsync();
        await using var sender = await NetworkNamespace.CreateAsync();
        await using var target = await NetworkNamespace.CreateAsync();
        var bridge = await ovs.AddBridgeAsync();
        var (senderAddress, targetAddress) = (IPAddress.Parse("10.79.0.1"), IPAddress.Parse("10.79.0.2"));
        var senderPort = await ovs.PlugAsync(bridge, sender);
        var targetPort = await ovs.PlugAsync(bridge, target);
        await sender.AddAddressAsync(senderPort.PeerInterface, senderAddress, 24);
        await target.AddAddressAsync(targetPort.PeerInterface, targetAddress, 24);

        await using var receiver = await WebhookReceiver.StartAsync(ovs.Namespace);
        // Nothing listens on port 9 of the switch's fresh namespace: every attempt there is refused.
        await using var run = await NetmRunProcess.StartAsync(TalkerMonitor.Yaml(("receiver", receiver.Url("/hook")), ("down", "http://127.0.0.1:9/hook")), SFlowPort, ovs.Namespace);
        await ovs.ConfigureSFlowAsync(bridge, new OvsSFlowOptions { Targets = [new IPEndPoint(IPAddress.Loopback, SFlowPort)], Sampling = 1, Polling = 1 });

        // 4 MB over TCP: in the 2 s window, at least ten times the threshold of 100 kB/s however fast it goes.
        await TcpTraffic.TransferAsync(sender, target, targetAddress, 4 * 1024 * 1024, TimeSpan.FromSeconds(60));
        Assert.True(
            await Poll.UntilAsync(() => receiver.Posted("ThresholdRaised").Count > 0, RaiseBound),
            $"no ThresholdRaised reached the receiver within {RaiseBound}; stdout: {run.Process.StandardOutput}\nstderr: {run.Process.StandardError}");

        var raised = receiver.Posted("ThresholdRaised").First();
        Assert.Equal("heavy-talker", raised.GetProperty("threshold").GetProperty("name").GetString());
        Assert.Equal(senderAddress.ToString(), raised.GetProperty("flowKey").GetProperty("srcAddr").GetString());
        Assert.Equal(targetAddress.ToString(), raised.GetProperty("flowKey").GetProperty("dstAddr").GetString());
        Assert.True(raised.GetProperty("value").GetDouble() > 100_000, $"raised with {raised.GetProperty("value")} B/s, under the threshold");
        Assert.Contains(run.EventsOf("THRESHOLD_RAISED"), e => e.GetProperty("flowKey").GetProperty("srcAddr").GetString() == senderAddress.ToString());

        // The traffic stopped: under the threshold for the hold, the condition clears, once.
        Assert.True(
            await Poll.UntilAsync(() => receiver.Posted("ThresholdCleared").Count > 0, ClearBound),
            $"no ThresholdCleared within {ClearBound}; stdout: {run.Process.StandardOutput}");
        Assert.Single(receiver.Posted("ThresholdRaised"));
        Assert.Single(run.EventsOf("THRESHOLD_CLEARED"));

        // The other channel's receiver is down: five attempts, then the channel is given up on, and netm run says so.
        Assert.True(
            await Poll.UntilAsync(() => run.Process.StandardError.Contains("not delivered to channel down, given up after 5 attempts", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
            $"the down channel was not given up on: {run.Process.StandardError}");
        var stopped = await run.Process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(20));
        Assert.Equal(0, stopped.ExitCode);
    }
}
