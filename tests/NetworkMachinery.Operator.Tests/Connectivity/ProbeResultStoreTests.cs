using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Runtime.Resources;
using Kind = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Kind;

namespace NetworkMachinery.Operator.Tests.Connectivity;

public sealed class ProbeResultStoreTests
{
    private static readonly ProbeResult.Types.Source Client = new() { PodNamespace = "team", PodName = "client" };
    private static readonly ProbeResult.Types.Destination Web = new() { Kind = Kind.Ip, Address = "10.0.0.8", Port = 80 };

    [Fact]
    public void AcceptedResult_NamesItsTest_ToEverySubscriber()
    {
        var store = Holding("run-1");
        var first = new List<ObjectKey>();
        var second = new List<ObjectKey>();
        using var one = store.Subscribe(first.Add);
        using var two = store.Subscribe(second.Add);

        Assert.True(store.Add(Result("run-1")));

        Assert.Equal([new ObjectKey("team", "reach")], first);
        Assert.Equal([new ObjectKey("team", "reach")], second);
    }

    [Fact]
    public void RefusedResults_NameNothing()
    {
        var store = Holding("run-1");
        var named = new List<ObjectKey>();
        using var subscription = store.Subscribe(named.Add);
        Assert.True(store.Add(Result("run-1")));
        named.Clear();

        Assert.False(store.Add(Result("run-1")));
        Assert.False(store.Add(Result("run-0")));
        Assert.False(store.Add(new ProbeResult(Result("run-1")) { Destination = new ProbeResult.Types.Destination(Web) { Port = 81 } }));
        Assert.False(store.Add(new ProbeResult(Result("run-1")) { Test = new ProbeResult.Types.TestRef { Namespace = "team", Name = "reach", Uid = "other" } }));

        Assert.Empty(named);
    }

    [Fact]
    public void DisposedSubscription_HearsNoMore()
    {
        var store = Holding("run-1");
        var named = new List<ObjectKey>();
        store.Subscribe(named.Add).Dispose();

        Assert.True(store.Add(Result("run-1")));

        Assert.Empty(named);
    }

    private static ProbeResultStore Holding(string runId)
    {
        var store = new ProbeResultStore();
        store.Begin(new ObjectKey("team", "reach"), new ProbeRun("uid-1", 1, runId, new Dictionary<string, int> { [ProbeKey.Of(Client, Web)] = 0 }));
        return store;
    }

    private static ProbeResult Result(string runId) => new()
    {
        Test = new ProbeResult.Types.TestRef { Namespace = "team", Name = "reach", Uid = "uid-1", Generation = 1 },
        RunId = runId,
        Source = Client,
        Destination = Web,
        Verdict = ProbeResult.Types.Verdict.Reachable,
    };
}
