using System.Collections.Concurrent;
using System.Globalization;
using Confluent.Kafka;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Processes;
using Xunit.Abstractions;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>A broker of their own that the tests stop, restart and dispose.</summary>
[Collection(KafkaOutageTests.Collection)]
public sealed class KafkaBrokerOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // Messages produced in each phase: before the stop, while the broker is away, after it is back.
    private const int PerPhase = 300;

    [Fact]
    public async Task StopBroker_MidStream_EveryMessageProducedIsConsumedOnceItIsBack()
    {
        await using var broker = await KafkaBroker.StartAsync();
        output.WriteLine($"ZooKeeper started in {broker.ZooKeeperStartTime.TotalSeconds:0.0} s, the broker in {broker.BrokerStartTime.TotalSeconds:0.0} s");
        var topic = Unique("outage");
        await broker.CreateTopicAsync(topic, 4);
        var zooKeeper = broker.ZooKeeperProcessId;
        var firstBroker = broker.BrokerProcessId!.Value;

        long produced = 0;
        long delivered = 0;
        var failures = new ConcurrentQueue<string>();
        var clientErrors = new ConcurrentQueue<ErrorCode>();
        using var producer = new ProducerBuilder<byte[], byte[]>(broker.ClientConfig())
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, error) => clientErrors.Enqueue(error.Code))
            .Build();
        await using var reader = new KafkaGroupReader(broker, topic, Unique("group"));
        using var stopProducing = new CancellationTokenSource();
        var producing = Task.Run(async () =>
        {
            while (!stopProducing.IsCancellationRequested)
            {
                var identity = (ulong)Interlocked.Increment(ref produced);
                producer.Produce(topic, new Message<byte[], byte[]> { Key = Key($"agent-{identity % 5}"), Value = Value(identity) }, report =>
                {
                    if (report.Error.IsError)
                    {
                        failures.Enqueue(report.Error.Reason);
                    }
                    else
                    {
                        Interlocked.Increment(ref delivered);
                    }
                });
                await Task.Delay(2);
            }
        });

        Assert.True(await reader.WaitUntilAsync(r => r.Received.Count >= PerPhase, Timeout), $"consumed {reader.Received.Count} before the stop");
        await broker.StopBrokerAsync();
        var producedAtStop = Interlocked.Read(ref produced);
        var deliveredAtStop = Interlocked.Read(ref delivered);

        Assert.Null(broker.BrokerProcessId);
        Assert.False(ProcessIds.IsGroupRunning(firstBroker));
        Assert.True(ProcessIds.IsRunning(zooKeeper));
        Assert.True(await WaitAsync(() => Interlocked.Read(ref produced) >= producedAtStop + PerPhase && !clientErrors.IsEmpty), "the producer did not go on producing, or saw no error, while the broker was away");
        var deliveredWhileAway = Interlocked.Read(ref delivered) - deliveredAtStop;

        await broker.StartBrokerAsync();
        var producedAtRestart = Interlocked.Read(ref produced);
        Assert.NotEqual(firstBroker, broker.BrokerProcessId);
        Assert.True(await WaitAsync(() => Interlocked.Read(ref produced) >= producedAtRestart + PerPhase), "the producer stalled after the restart");
        await stopProducing.CancelAsync();
        await producing;
        Assert.Equal(0, producer.Flush(Timeout));

        var total = (int)Interlocked.Read(ref produced);
        Assert.True(await reader.WaitUntilAsync(r => r.Distinct.Count >= total, Timeout), $"consumed {reader.Distinct.Count} distinct of {total}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{total} produced: {producedAtStop} before the stop, {producedAtRestart - producedAtStop} while the broker was away " +
            $"({deliveredWhileAway} acknowledged meanwhile), the rest after; the restart took {broker.BrokerStartTime.TotalSeconds:0.0} s; " +
            $"{reader.Received.Count - total} consumed twice; client errors: {string.Join(", ", clientErrors.Distinct())}"));
        Assert.Empty(failures);
        Assert.Equal(total, Interlocked.Read(ref delivered));
        Assert.Equal(Enumerable.Range(1, total).Select(i => (ulong)i), reader.Distinct.Order());
    }

    [Fact]
    public async Task Dispose_StopsBothJvmsAndDeletesTheDirectory()
    {
        await using var broker = await KafkaBroker.StartAsync();
        var directory = broker.Directory;
        int[] groups = [broker.ZooKeeperProcessId, broker.BrokerProcessId!.Value];
        var ours = JavaProcessesNaming(directory);
        Assert.Equal(groups.Order(), ours.Order());

        await broker.DisposeAsync();

        Assert.All(groups, group => Assert.False(ProcessIds.IsGroupRunning(group)));
        Assert.Empty(JavaProcessesNaming(directory));
        Assert.False(Directory.Exists(directory));
    }

    private static Task<bool> WaitAsync(Func<bool> condition) => Testing.Polling.Poll.UntilAsync(condition, Timeout);

    // Every java process whose command line mentions the directory: the fixture's, however they were started.
    private static List<int> JavaProcessesNaming(string directory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessIds.IsRunning(pid) && ProcessIds.ReadCommandLine(pid) is { } command
                && command.StartsWith("java ", StringComparison.Ordinal) && command.Contains(directory, StringComparison.Ordinal))
            .ToList();
}
