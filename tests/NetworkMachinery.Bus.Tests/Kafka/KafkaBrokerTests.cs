using Confluent.Kafka;
using NetworkMachinery.Testing.Kafka;
using Xunit.Abstractions;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>The shared real broker works with a current client given <see cref="KafkaBroker.ClientProperties"/>.</summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaBrokerTests(KafkaBrokerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private KafkaBroker Broker => fixture.Broker;

    [Fact]
    public async Task CreateTopic_MetadataShowsEveryPartitionLedByTheBroker()
    {
        var topic = Unique("created");

        await Broker.CreateTopicAsync(topic, 3);

        using var admin = new AdminClientBuilder(Broker.ClientConfig()).SetLogHandler((_, _) => { }).Build();
        var metadata = admin.GetMetadata(topic, Timeout);
        var created = Assert.Single(metadata.Topics);
        Assert.Equal(ErrorCode.NoError, created.Error.Code);
        Assert.Equal([0, 1, 2], created.Partitions.Select(p => p.PartitionId).Order());
        Assert.All(created.Partitions, p => Assert.Equal(metadata.Brokers.Single().BrokerId, p.Leader));
    }

    [Fact]
    public async Task Produce_ThenConsumeInAGroup_EveryMessageArrivesOnce()
    {
        output.WriteLine($"ZooKeeper started in {Broker.ZooKeeperStartTime.TotalSeconds:0.0} s, the broker in {Broker.BrokerStartTime.TotalSeconds:0.0} s");
        var topic = Unique("roundtrip");
        await Broker.CreateTopicAsync(topic, 4);
        const int Count = 2000;
        var partitions = new HashSet<int>();
        var errors = new List<string>();

        using (var producer = new ProducerBuilder<byte[], byte[]>(Broker.ClientConfig()).SetLogHandler((_, _) => { }).Build())
        {
            for (ulong i = 1; i <= Count; i++)
            {
                producer.Produce(topic, new Message<byte[], byte[]> { Key = Key($"agent-{i % 7}"), Value = Value(i, "payload") }, report =>
                {
                    lock (partitions)
                    {
                        if (report.Error.IsError)
                        {
                            errors.Add(report.Error.Reason);
                        }
                        else
                        {
                            partitions.Add(report.Partition.Value);
                        }
                    }
                });
            }

            Assert.Equal(0, producer.Flush(Timeout));
        }

        await using var reader = new KafkaGroupReader(Broker, topic, Unique("group"));
        Assert.True(await reader.WaitUntilAsync(r => r.Received.Count >= Count, Timeout), $"received {reader.Received.Count} of {Count}");

        Assert.Empty(errors);
        Assert.Equal([0, 1, 2, 3], partitions.Order());
        Assert.Equal(Count, reader.Received.Count);
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (ulong)i), reader.Received.Order());
    }
}
