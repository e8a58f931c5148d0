using System.Collections.Concurrent;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>
/// Two live consumers of one group on the shared real broker: a member joins while messages flow, then one leaves.
/// The partitions move between them (cooperative-sticky), and across the group every message is handled exactly once.
/// </summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaRebalanceTests(KafkaBrokerFixture kafka)
{
    private const int Partitions = 4;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoConsumersInOneGroup_OneJoinsThenOneLeaves_EveryMessageHandledOnceAcrossTheGroup()
    {
        var topic = Unique("flows");
        var group = Unique("group");
        await kafka.Broker.CreateTopicAsync(topic, Partitions);
        await using var bus = new KafkaBus(new KafkaSettings { BootstrapServers = kafka.Broker.BootstrapServers, Properties = kafka.Broker.ClientProperties });
        await using var producer = bus.CreateProducer("agents");
        var store = new GroupStore();
        ulong produced = 0;
        void Produce(int count)
        {
            for (var i = 0; i < count; i++)
            {
                produced++;
                Assert.True(producer.TryProduce(topic, Key($"agent-{produced % 16}"), Value(produced)));
            }

            Assert.Equal(0, producer.Flush(Timeout));
        }

        // Alone in the group, the first member gets every partition.
        await using var first = new Member(bus, topic, group, "first", store);
        Produce(200);
        Assert.True(await Poll.UntilAsync(() => store.Count == 200, Timeout), $"handled {store.Count} of 200");
        var beforeJoin = produced;

        // A second member joins while messages keep coming: it takes over some partitions and handles their new messages.
        await using var second = new Member(bus, topic, group, "second", store);
        Assert.True(
            await Poll.UntilAsync(
                () =>
                {
                    Produce(8);
                    return store.HandledBy("second").Count > 0 && store.HandledBy("first").Any(id => id > beforeJoin);
                },
                Timeout),
            $"after the join: first {store.HandledBy("first").Count}, second {store.HandledBy("second").Count} handled");
        Assert.True(await Poll.UntilAsync(() => store.Count == (int)produced, Timeout), $"handled {store.Count} of {produced}");
        var secondsPartitions = store.PartitionsOf("second");
        Assert.InRange(secondsPartitions.Count, 1, Partitions - 1);

        // The first member leaves: the second takes over every partition and handles whatever comes next.
        await first.DisposeAsync();
        var beforeLeave = produced;
        Produce(200);
        Assert.True(await Poll.UntilAsync(() => store.Count == (int)produced, Timeout), $"handled {store.Count} of {produced}");
        await second.DisposeAsync();

        Assert.Equal(Enumerable.Range(1, (int)produced).Select(i => (ulong)i), store.Identities.Order());
        Assert.Equal(0, store.Repeats);
        Assert.All(store.HandledBy("first"), id => Assert.True(id <= beforeLeave, $"message {id} was handled by the member that had left"));
        Assert.Equal(Partitions, store.PartitionsOf("second").Count);
        Assert.True(first.Statistics.Rebalances >= 2, $"first member: {first.Statistics}");
    }

    /// <summary>Which member handled each message; a message handled a second time anywhere in the group is a repeat.</summary>
    private sealed class GroupStore
    {
        private readonly ConcurrentDictionary<ulong, (string Member, int Partition)> _handled = new();
        private int _repeats;

        public int Count => _handled.Count;

        public int Repeats => Volatile.Read(ref _repeats);

        public IEnumerable<ulong> Identities => _handled.Keys;

        public void Put(string member, ConsumedMessage message)
        {
            if (!_handled.TryAdd(Identity(message), (member, message.Partition)))
            {
                Interlocked.Increment(ref _repeats);
            }
        }

        public List<ulong> HandledBy(string member) => [.. _handled.Where(e => e.Value.Member == member).Select(e => e.Key)];

        public HashSet<int> PartitionsOf(string member) => [.. _handled.Values.Where(v => v.Member == member).Select(v => v.Partition)];
    }

    /// <summary>One running consumer of the group, writing to the shared store; disposing it leaves the group.</summary>
    private sealed class Member : IMessageHandler, IAsyncDisposable
    {
        private readonly string _name;
        private readonly GroupStore _store;
        private readonly IBusConsumer _consumer;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private bool _disposed;

        public Member(KafkaBus bus, string topic, string group, string name, GroupStore store)
        {
            _name = name;
            _store = store;
            _consumer = bus.CreateConsumer(new ConsumerOptions
            {
                GroupId = group,
                Topics = [topic],
                Handler = this,
                IdentityOf = IdentityOf,
                DeadLetterTopic = $"{topic}-dead-letters",
            });
            _run = _consumer.RunAsync(_stop.Token);
        }

        public ConsumerStatistics Statistics { get; private set; } = new();

        public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            _store.Put(_name, message);
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _stop.CancelAsync();
            await _run;
            Statistics = _consumer.GetStatistics();
            await _consumer.DisposeAsync();
            _stop.Dispose();
        }
    }
}
