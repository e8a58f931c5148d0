using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Tests.Support;
using NetworkMachinery.Testing.Bus;
using NetworkMachinery.Contracts;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Contract;

/// <summary>
/// The contract every bus keeps, run against each implementation: every group gets every message, in order per
/// key; a failing handler is retried, then its message dead-lettered with the reason while consumption goes on;
/// a redelivered message is handled once.
/// </summary>
public abstract class BusContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = ConsumerRun.Timeout;

    protected IMessageBus Bus { get; private set; } = null!;

    public async Task InitializeAsync() => Bus = await CreateBusAsync();

    public async Task DisposeAsync() => await Bus.DisposeAsync();

    /// <summary>A fresh bus for one test.</summary>
    protected abstract Task<IMessageBus> CreateBusAsync();

    /// <summary>Makes the topics exist before the test uses them (with several partitions, where the bus has them).</summary>
    protected virtual Task CreateTopicsAsync(params string[] topics) => Task.CompletedTask;

    [Fact]
    public async Task Produce_TwoGroups_EachGetsEveryMessageInOrderPerKey()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var first = new RecordingHandler();
        var second = new RecordingHandler();
        await using var consumerA = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group-a"), first));
        await using var consumerB = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group-b"), second));
        await using var producer = Bus.CreateProducer("test");
        const int PerStream = 250;
        string[] streams = ["agent-1", "agent-2", "agent-3", "agent-4"];

        for (ulong sequence = 1; sequence <= PerStream; sequence++)
        {
            foreach (var stream in streams)
            {
                await producer.ProduceAsync(topic, Key(stream), Value(sequence), CancellationToken.None);
            }
        }

        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumerA, () => first.Handled.Count >= PerStream * streams.Length);
        await ConsumerRun.UntilAsync(consumerB, () => second.Handled.Count >= PerStream * streams.Length);

        foreach (var handler in new[] { first, second })
        {
            Assert.Equal(PerStream * streams.Length, handler.Handled.Count);
            foreach (var stream in streams)
            {
                var sequences = handler.Handled.Where(m => Stream(m) == stream).Select(Identity).ToList();
                Assert.Equal(Enumerable.Range(1, PerStream).Select(i => (ulong)i), sequences);
            }
        }

        Assert.Equal(PerStream * streams.Length, producer.GetStatistics().Delivered);
    }

    [Fact]
    public async Task Handler_FailsTwiceThenSucceeds_IsRetriedAndHandledOnce()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var handler = new RecordingHandler((m, attempt) => Identity(m) == 2 && attempt <= 2 ? new IOException("store unavailable") : null);
        await using var consumer = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group"), handler));
        await using var producer = Bus.CreateProducer("test");

        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await producer.ProduceAsync(topic, Key("agent"), Value(sequence), CancellationToken.None);
        }

        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumer, () => handler.Handled.Count >= 3);

        Assert.Equal([1UL, 2UL, 3UL], handler.Handled.Select(Identity));
        var statistics = consumer.GetStatistics();
        Assert.Equal(2, statistics.Retries);
        Assert.Equal(0, statistics.DeadLettered);
    }

    [Fact]
    public async Task Handler_AlwaysFails_MessageIsDeadLetteredWithReasonAndLaterOnesAreHandled()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var handler = new RecordingHandler((m, _) => Identity(m) == 2 ? new InvalidOperationException("no such monitor") : null);
        await using var consumer = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group"), handler));
        var letters = new RecordingHandler();
        await using var letterConsumer = Bus.CreateConsumer(Options(deadLetters, Unique("dead-letters-topic"), Unique("inspect"), letters, identity: false));
        await using var producer = Bus.CreateProducer("test");

        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await producer.ProduceAsync(topic, Key("agent"), Value(sequence, "payload"), CancellationToken.None);
        }

        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumer, () => handler.Handled.Count >= 2 && consumer.GetStatistics().DeadLettered >= 1);
        await ConsumerRun.UntilAsync(letterConsumer, () => !letters.Handled.IsEmpty);

        Assert.Equal([1UL, 3UL], handler.Handled.Select(Identity));
        var letter = DeadLetter.Parser.ParseFrom(Assert.Single(letters.Handled).Value);
        Assert.Equal(topic, letter.Topic);
        Assert.Equal(Key("agent"), letter.Key.ToByteArray());
        Assert.Equal(Value(2, "payload"), letter.Value.ToByteArray());
        Assert.Equal(3, letter.Attempts);
        Assert.Contains("InvalidOperationException: no such monitor", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(2, consumer.GetStatistics().Retries);
    }

    [Fact]
    public async Task PoisonMessage_IsDeadLetteredWithoutRetries()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var handler = new RecordingHandler((m, _) => Identity(m) == 1 ? new PoisonMessageException("not a FlowMessage") : null);
        await using var consumer = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group"), handler));
        await using var producer = Bus.CreateProducer("test");

        await producer.ProduceAsync(topic, Key("agent"), Value(1), CancellationToken.None);
        await producer.ProduceAsync(topic, Key("agent"), Value(2), CancellationToken.None);
        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumer, () => !handler.Handled.IsEmpty && consumer.GetStatistics().DeadLettered >= 1);

        Assert.Equal([2UL], handler.Handled.Select(Identity));
        Assert.Equal(0, consumer.GetStatistics().Retries);
    }

    [Fact]
    public async Task MessageWithoutIdentity_IsDeadLetteredAndConsumptionGoesOn()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var handler = new RecordingHandler();
        await using var consumer = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group"), handler));
        await using var producer = Bus.CreateProducer("test");

        await producer.ProduceAsync(topic, Key("agent"), [1, 2, 3], CancellationToken.None);
        await producer.ProduceAsync(topic, Key("agent"), Value(7), CancellationToken.None);
        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumer, () => !handler.Handled.IsEmpty && consumer.GetStatistics().DeadLettered >= 1);

        Assert.Equal([7UL], handler.Handled.Select(Identity));
    }

    [Fact]
    public async Task Redelivery_SameKeyAndIdentity_IsHandledOnce()
    {
        var (topic, deadLetters) = await TopicsAsync();
        var handler = new RecordingHandler();
        await using var consumer = Bus.CreateConsumer(Options(topic, deadLetters, Unique("group"), handler));
        await using var producer = Bus.CreateProducer("test");

        await producer.ProduceAsync(topic, Key("agent"), Value(1), CancellationToken.None);
        await producer.ProduceAsync(topic, Key("agent"), Value(2), CancellationToken.None);
        await producer.ProduceAsync(topic, Key("agent"), Value(1), CancellationToken.None);
        await producer.ProduceAsync(topic, Key("other-agent"), Value(1), CancellationToken.None);
        Assert.Equal(0, producer.Flush(Timeout));
        await ConsumerRun.UntilAsync(consumer, () => consumer.GetStatistics().Received >= 4);

        Assert.Equal(["agent:1", "agent:2", "other-agent:1"], handler.Handled.Select(m => $"{Stream(m)}:{Identity(m)}").Order());
        Assert.Equal(1, consumer.GetStatistics().Duplicates);
    }

    protected static ConsumerOptions Options(string topic, string deadLetters, string group, IMessageHandler handler, bool identity = true) => new()
    {
        GroupId = group,
        Topics = [topic],
        Handler = handler,
        IdentityOf = identity ? IdentityOf : null,
        RetryBackoff = TimeSpan.FromMilliseconds(10),
        DeadLetterTopic = deadLetters,
    };

    private async Task<(string Topic, string DeadLetters)> TopicsAsync()
    {
        var topic = Unique("flows");
        var deadLetters = Unique("dead-letters");
        await CreateTopicsAsync(topic, deadLetters);
        return (topic, deadLetters);
    }
}
