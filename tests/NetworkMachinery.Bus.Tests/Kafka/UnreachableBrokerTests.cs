using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Testing.Polling;
using static NetworkMachinery.Bus.Tests.Support.TestMessages;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>A cluster that is not there: a port on loopback that nothing listens on.</summary>
public sealed class UnreachableBrokerTests : IDisposable
{
    // Bound and never listened on: connecting is refused, and no other test can take the port meanwhile.
    private readonly Socket _closed = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public UnreachableBrokerTests() => _closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public void Dispose() => _closed.Dispose();

    [Fact]
    public async Task CheckReachable_NothingListening_SaysWhy()
    {
        await using var bus = new KafkaBus(new KafkaSettings { BootstrapServers = ClosedPort() });

        var problem = bus.CheckReachable(TimeSpan.FromSeconds(2));

        Assert.NotNull(problem);
        Assert.Contains("Local_", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_NothingListening_QueuesRetriesCountsErrorsThenFailsEachMessage()
    {
        var settings = new KafkaSettings
        {
            BootstrapServers = ClosedPort(),
            Properties = new Dictionary<string, string> { ["message.timeout.ms"] = "3000" },
        };
        await using var bus = new KafkaBus(settings);
        var producer = bus.CreateProducer("test");

        for (ulong i = 0; i < 5; i++)
        {
            Assert.True(producer.TryProduce("netm.flows", Key("agent"), Value(i)));
        }

        Assert.Equal(5, producer.GetStatistics().InFlight);
        Assert.True(await Poll.UntilAsync(() => producer.GetStatistics().Failed.Values.Sum() == 5, TimeSpan.FromSeconds(30)), producer.GetStatistics().ToString());

        var statistics = producer.GetStatistics();
        Assert.Equal(0, statistics.Delivered);
        Assert.Equal(5, statistics.Failed["Local_MsgTimedOut"]);
        Assert.NotEmpty(bus.ClientErrors);
        await producer.DisposeAsync();
    }

    private string ClosedPort() => $"127.0.0.1:{((IPEndPoint)_closed.LocalEndPoint!).Port}";
}
