using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Tests.Support;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Cli;

/// <summary>
/// <c>netm prober</c> as deployed, short of Kubernetes: a real Kafka broker between it and the test (standing in for
/// the operator), a source "pod" whose process sits in a kubepods-like cgroup so the agent finds its network namespace
/// through /proc by the pod's UID, and a real TCP server in another pod.
/// </summary>
[Collection(KafkaTests.Collection)]
public sealed class NetmProberKafkaTests(KafkaBrokerFixture kafka)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prober_RunsItsNodesTasksFromThePodFoundByCgroup_SendsResultsKeyedByTest_IgnoresOtherNodes()
    {
        await using var network = await PodNetwork.CreateAsync(2);
        await using var listener = PodTcpListener.Start(network.Pods[1], 8080);
        var uid = Guid.NewGuid().ToString();
        await using var cgroup = KubepodsCgroupSandbox.Create($"kubepods/besteffort/pod{uid}/0123456789abcdef");
        await using var container = network.Pods[0].Namespace.Start("sleep", ["300"]);
        await cgroup.AddAsync(container.Id);
        var topics = new BusTopics { Prefix = $"nmt{Guid.NewGuid():N}"[..16] };
        var metricsPort = FreePorts.Tcp();
        await using var prober = BackgroundProcess.Start("dotnet", [
            Netm.Program, "prober", "--node", "node-1", "--listen", $"127.0.0.1:{metricsPort}",
            .. kafka.Broker.CommandLineArguments(topics.Prefix), "--log-level", "Debug",
        ]);
        await prober.WaitForOutputAsync("Prober of node node-1", Timeout);

        var settings = new KafkaSettings { BootstrapServers = kafka.Broker.BootstrapServers, Properties = kafka.Broker.ClientProperties };
        await using var bus = new KafkaBus(settings);
        var results = new ConcurrentQueue<(string Key, ProbeResult Result)>();
        await using var consumer = bus.CreateConsumer(new ConsumerOptions
        {
            GroupId = $"{topics.Prefix}-operator",
            Topics = [topics.ProbeResults],
            Handler = new Collecting(results),
            DeadLetterTopic = topics.DeadLetters,
        });
        using var stop = new CancellationTokenSource();
        var consuming = consumer.RunAsync(stop.Token);

        var own = Tasks.From(network.Pods[0], 4, Tasks.Target(network.Pods[1].V4, 8080, Protocol.Tcp), Tasks.Target(network.Pods[1].V4, 8081, Protocol.Tcp));
        own.SourcePodUid = uid;
        own.Source.PodName = "client";
        own.Source.Node = "node-1";
        own.Test.Name = "from-client";
        own.IssuedAtNs = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        var other = own.Clone();
        other.Source.Node = "node-2";
        other.Test.Name = "on-another-node";
        await using (var producer = bus.CreateProducer("operator"))
        {
            foreach (var task in new[] { other, own })
            {
                using var value = new MemoryStream();
                task.WriteDelimitedTo(value);
                await producer.ProduceAsync(topics.ProbeTasks, Encoding.UTF8.GetBytes(task.Source.Node), value.ToArray(), CancellationToken.None);
            }

            Assert.Equal(0, producer.Flush(Timeout));
        }

        var arrived = await Poll.UntilAsync(() => results.Count >= 2, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await consuming;
        Assert.True(arrived, $"results: {results.Count}; prober stderr:\n{prober.StandardError}");

        Assert.Equal(2, results.Count);
        Assert.All(results, entry => Assert.Equal("default/from-client", entry.Key));
        var byPort = results.ToDictionary(entry => entry.Result.Destination.Port, entry => entry.Result);
        Assert.Equal(Verdict.Reachable, byPort[8080].Verdict);
        Assert.Equal(Verdict.Refused, byPort[8081].Verdict);
        Assert.Equal("node-1", byPort[8080].Source.Node);
        Assert.True(listener.Accepted >= 2, $"the server in the pod accepted {listener.Accepted} connections");

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        Assert.Contains("netm_probes_total{type=\"tcp\",verdict=\"reachable\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_probes_total{type=\"tcp\",verdict=\"refused\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_prober_agent_tasks_total{outcome=\"run\"} 1", metrics, StringComparison.Ordinal);

        var stopped = await prober.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(30));
        Assert.Equal(0, stopped.ExitCode);
    }

    private sealed class Collecting(ConcurrentQueue<(string Key, ProbeResult Result)> results) : IMessageHandler
    {
        public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(message.Value);
            while (stream.Position < stream.Length)
            {
                results.Enqueue((Encoding.UTF8.GetString(message.Key), ProbeResult.Parser.ParseDelimitedFrom(stream)));
            }

            return ValueTask.CompletedTask;
        }
    }
}
