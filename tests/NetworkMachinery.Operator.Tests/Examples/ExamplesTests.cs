using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Validation;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Operator.Tests.Examples;

/// <summary>Every manifest under examples/ reads into its model with no unknown field and passes validation.</summary>
public sealed class ExamplesTests
{
    private static readonly string Directory = Path.Combine(RepositoryPaths.Root, "examples");

    public static TheoryData<string> Files() =>
        new(System.IO.Directory.GetFiles(Directory, "*.yaml", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Directory, path)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_Deserializes_AndIsValid(string file)
    {
        var objects = ResourceYaml.LoadAll(File.ReadAllText(Path.Combine(Directory, file)));

        Assert.NotEmpty(objects);
        foreach (var resource in objects)
        {
            Assert.Empty(ResourceValidator.Validate(resource));
        }
    }

    // The original project's examples, rewritten for our schema, must keep saying what they said.
    [Fact]
    public void Smokeping_PingsTwoPodsAnAddressAndAService()
    {
        var test = Load<V1Alpha1NetworkConnectivityTest>("connectivity/smokeping.yaml");

        Assert.Equal(("smokeping", "3", "demo-pod-1"), (test.Metadata.Name, test.Spec.Layer, test.Spec.Source?.Name));
        Assert.Equal(
            ["pod/demo-pod-2", "pod/demo-pod-3", "ip/8.8.8.8", "service/demo-service"],
            test.Spec.Destinations.Select(destination => destination.Kind + "/" + (destination.Name ?? destination.Ip)));
    }

    [Fact]
    public void PortTest_ConnectsToServicePort8100()
    {
        var test = Load<V1Alpha1NetworkConnectivityTest>("connectivity/port-test.yaml");

        var destination = Assert.Single(test.Spec.Destinations);
        Assert.Equal(("4", "service", 8100, "TCP"), (test.Spec.Layer, destination.Kind, destination.Port!.ToInt(), destination.Protocol));
    }

    [Fact]
    public void TrafficShaper_DelaysAndDropsOnEth0OfAppDemo()
    {
        var delay = Load<V1Alpha1NetworkTrafficShaper>("traffic-shaper/delay.yaml");
        var loss = Load<V1Alpha1NetworkTrafficShaper>("traffic-shaper/loss.yaml");

        Assert.Equal(("eth0", "200ms"), (delay.Spec.Device, delay.Spec.Delay?.Latency));
        Assert.Equal(("eth0", 100d), (loss.Spec.Device, loss.Spec.Loss?.Percent));
        Assert.All([delay, loss], shaper => Assert.Equal("demo", Assert.Single(shaper.Spec.Targets).Selector?.MatchLabels["app"]));
    }

    [Fact]
    public void Monitor_HasATcpFlowAndADdosThresholdOf100()
    {
        var monitor = Load<V1Alpha1NetworkMonitor>("monitor/monitor.yaml");

        var flow = Assert.Single(monitor.Spec.Flows);
        Assert.Equal(("tcp-flow", "frames"), (flow.Name, flow.Value));
        Assert.Equal([FlowKey.SrcAddr, FlowKey.DstAddr, FlowKey.SrcPort, FlowKey.DstPort], flow.Keys);
        var threshold = Assert.Single(monitor.Spec.Thresholds);
        Assert.Equal(("ddos", "tcp-flow", 100d), (threshold.Name, threshold.Flow, threshold.Value));
    }

    [Fact]
    public void Notification_NamesTheMonitorsThreshold()
    {
        var notification = Load<V1Alpha1NetworkNotification>("notification/notification.yaml");
        var monitor = Load<V1Alpha1NetworkMonitor>("monitor/monitor.yaml");

        Assert.Equal((monitor.Metadata.Name, monitor.Spec.Thresholds[0].Name), (notification.Spec.Monitor, notification.Spec.Threshold));
        Assert.Equal(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc), notification.Spec.Event.Timestamp?.ToUniversalTime());
    }

    // What the operator sends to the API server is JSON: the YAML example must survive the trip with its
    // int-or-string port still a number, its defaults filled in, and nothing lost.
    [Fact]
    public void PortTest_RoundTripsThroughKubernetesJson()
    {
        var test = Load<V1Alpha1NetworkConnectivityTest>("connectivity/port-test.yaml");

        var json = KubernetesJson.Serialize(test);
        var back = KubernetesJson.Deserialize<V1Alpha1NetworkConnectivityTest>(json);

        Assert.Contains("\"port\":8100", json, StringComparison.Ordinal);
        Assert.Contains("\"apiVersion\":\"networkmachinery.io/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Equal(json, KubernetesJson.Serialize(back));
        Assert.Equal((3, "1s", "5s"), (back.Spec.Count, back.Spec.Interval, back.Spec.Timeout));
    }

    private static T Load<T>(string file) => Assert.IsType<T>(Assert.Single(ResourceYaml.LoadAll(File.ReadAllText(Path.Combine(Directory, file)))));
}
