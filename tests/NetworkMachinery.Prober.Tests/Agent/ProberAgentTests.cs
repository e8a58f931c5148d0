using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Prober.Tests.Agent;

public sealed class ProberAgentTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly BusTopics _topics = new();
    private readonly InProcessBus _bus = new();
    private readonly ConcurrentQueue<(string Key, ProbeResult Result)> _results = new();
    private readonly ConcurrentQueue<ConsumedMessage> _deadLetters = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public Task InitializeAsync()
    {
        Collect(_topics.ProbeResults, message =>
        {
            using var stream = new MemoryStream(message.Value);
            _results.Enqueue((Encoding.UTF8.GetString(message.Key), ProbeResult.Parser.ParseDelimitedFrom(stream)));
        });
        Collect(_topics.DeadLetters, _deadLetters.Enqueue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        await _bus.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Agent_RunsItsNodesTasksAndTheNodeLessOnes_AndSendsEveryResultKeyedByTheTest()
    {
        var runner = new ScriptedRunner();
        await using var agent = Start("node-a", runner);

        await SendAsync(NewTask("ns1", "own", node: "node-a", targets: 2), NewTask("ns1", "other", node: "node-b", targets: 1), NewTask("ns2", "from-a-node", node: "", targets: 1));

        Assert.True(await Poll.UntilAsync(() => _results.Count >= 3, Wait), $"results: {_results.Count}");
        await Task.Delay(300);
        Assert.Equal(["from-a-node", "own"], runner.Ran.Select(task => task.Test.Name).Order());
        Assert.Equal(3, _results.Count);
        Assert.All(_results, entry => Assert.Equal($"{entry.Result.Test.Namespace}/{entry.Result.Test.Name}", entry.Key));
        Assert.Equal(2, _results.Count(entry => entry.Key == "ns1/own"));
    }

    [Fact]
    public async Task TwoAgents_SplitTasksByNode_AndANodeLessTaskRunsOnce()
    {
        var runnerA = new ScriptedRunner();
        var runnerB = new ScriptedRunner();
        await using var agentA = Start("node-a", runnerA);
        await using var agentB = Start("node-b", runnerB);

        await SendAsync(NewTask("ns", "a", node: "node-a", targets: 1), NewTask("ns", "b", node: "node-b", targets: 1), NewTask("ns", "any", node: "", targets: 1));

        Assert.True(await Poll.UntilAsync(() => _results.Count >= 3, Wait), $"results: {_results.Count}");
        await Task.Delay(300);
        Assert.Contains(runnerA.Ran, task => task.Test.Name == "a");
        Assert.Contains(runnerB.Ran, task => task.Test.Name == "b");
        Assert.DoesNotContain(runnerA.Ran, task => task.Test.Name == "b");
        Assert.Equal(1, runnerA.Ran.Count(task => task.Test.Name == "any") + runnerB.Ran.Count(task => task.Test.Name == "any"));
        Assert.Equal(3, _results.Count);
    }

    [Fact]
    public async Task TaskPastItsBudget_IsDroppedUnrun_AndAFreshOneAfterItRuns()
    {
        var runner = new ScriptedRunner();
        await using var agent = Start("node-a", runner);
        var stale = NewTask("ns", "stale", node: "node-a", targets: 1);
        stale.IssuedAtNs = (ulong)(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds() * 1_000_000);

        await SendAsync(stale, NewTask("ns", "fresh", node: "node-a", targets: 1));

        Assert.True(await Poll.UntilAsync(() => !_results.IsEmpty, Wait));
        await Task.Delay(300);
        Assert.Equal(["fresh"], runner.Ran.Select(task => task.Test.Name));
    }

    [Fact]
    public async Task MessageThatIsNoTask_IsDeadLettered_AndTheAgentGoesOn()
    {
        var runner = new ScriptedRunner();
        await using var agent = Start("node-a", runner);

        await _bus.CreateProducer("test").ProduceAsync(_topics.ProbeTasks, "node-a"u8.ToArray(), [0x0a, 0xff, 0xff], CancellationToken.None);
        await SendAsync(NewTask("ns", "after", node: "node-a", targets: 1));

        Assert.True(await Poll.UntilAsync(() => !_results.IsEmpty && !_deadLetters.IsEmpty, Wait), $"results {_results.Count}, dead letters {_deadLetters.Count}");
        Assert.Equal("after", Assert.Single(_results).Result.Test.Name);
    }

    [Fact]
    public async Task FullSetOfRunningTasks_HoldsUpTheNext_UntilASlotFrees_AndStopWaitsForRunningTasksToSend()
    {
        var runner = new ScriptedRunner { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var agent = Start("node-a", runner, maxInFlight: 1);

        await SendAsync(NewTask("ns", "first", node: "node-a", targets: 1), NewTask("ns", "second", node: "node-a", targets: 1));

        Assert.True(await Poll.UntilAsync(() => agent.Running == 1, Wait));
        await Task.Delay(500);
        Assert.Equal(["first"], runner.Ran.Select(task => task.Test.Name));

        runner.Gate.SetResult();
        Assert.True(await Poll.UntilAsync(() => _results.Count == 2, Wait), $"results: {_results.Count}");

        runner.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(NewTask("ns", "third", node: "node-a", targets: 1));
        Assert.True(await Poll.UntilAsync(() => agent.Running == 1, Wait));
        var gate = runner.Gate;
        _ = Task.Delay(500).ContinueWith(_ => gate.SetResult(), TaskScheduler.Default);
        await agent.DisposeAsync();
        Assert.True(await Poll.UntilAsync(() => _results.Count == 3, Wait), $"results: {_results.Count}");
    }

    [Fact]
    public async Task TasksOfBothGroups_ShareOneLimit_TheNodeLessTaskWaitsForTheNodesTask()
    {
        var runner = new ScriptedRunner { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var agent = Start("node-a", runner, maxInFlight: 1);

        await SendAsync(NewTask("ns", "own-node", node: "node-a", targets: 1));
        Assert.True(await Poll.UntilAsync(() => agent.Running == 1, Wait));
        await SendAsync(NewTask("ns", "any-node", node: "", targets: 1));
        await Task.Delay(500);
        Assert.Equal(["own-node"], runner.Ran.Select(task => task.Test.Name));
        Assert.Equal(1, agent.Running);

        runner.Gate.SetResult();
        Assert.True(await Poll.UntilAsync(() => _results.Count == 2, Wait), $"results: {_results.Count}");
        Assert.Equal(["own-node", "any-node"], runner.Ran.Select(task => task.Test.Name));
    }

    private static ProbeTask NewTask(string @namespace, string name, string node, int targets)
    {
        var task = new ProbeTask
        {
            Test = new ProbeResult.Types.TestRef { Namespace = @namespace, Name = name, Uid = Guid.NewGuid().ToString() },
            RunId = "1-run",
            Source = node.Length > 0
                ? new ProbeResult.Types.Source { PodNamespace = @namespace, PodName = "client", Node = node }
                : new ProbeResult.Types.Source { Host = true },
            Layer = 3,
            Count = 1,
            IntervalNs = 1_000_000_000,
            TimeoutNs = 1_000_000_000,
            IssuedAtNs = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000),
        };
        for (var i = 0; i < targets; i++)
        {
            task.Targets.Add(new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Ip, Name = $"10.0.0.{i + 1}", Address = $"10.0.0.{i + 1}" });
        }

        return task;
    }

    private ProberAgent Start(string node, ScriptedRunner runner, int maxInFlight = 16)
    {
        var agent = new ProberAgent(_bus, _topics, runner, new ProberAgentOptions { Node = node, MaxTasksInFlight = maxInFlight }, new AgentMetrics(Prometheus.Metrics.NewCustomRegistry()), TimeProvider.System, NullLoggerFactory.Instance);
        _running.Add(agent.RunAsync(_stop.Token));
        return agent;
    }

    private async Task SendAsync(params ProbeTask[] tasks)
    {
        await using var producer = _bus.CreateProducer("operator");
        foreach (var task in tasks)
        {
            using var value = new MemoryStream();
            task.WriteDelimitedTo(value);
            await producer.ProduceAsync(_topics.ProbeTasks, Encoding.UTF8.GetBytes(task.Source.Node), value.ToArray(), CancellationToken.None);
        }
    }

    private void Collect(string topic, Action<ConsumedMessage> onMessage)
    {
        var consumer = _bus.CreateConsumer(new ConsumerOptions
        {
            GroupId = $"test-{topic}",
            Topics = [topic],
            Handler = new CallbackHandler(onMessage),
            DeadLetterTopic = $"{topic}.unused",
        });
        _running.Add(RunThenDisposeAsync(consumer));
    }

    private async Task RunThenDisposeAsync(IBusConsumer consumer)
    {
        await using (consumer)
        {
            await consumer.RunAsync(_stop.Token);
        }
    }

    private sealed class CallbackHandler(Action<ConsumedMessage> onMessage) : IMessageHandler
    {
        public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            onMessage(message);
            return ValueTask.CompletedTask;
        }
    }
}
