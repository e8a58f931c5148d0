using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>One real broker shared by the test classes of an xunit collection fixture: a cold start costs seconds.</summary>
public sealed class KafkaBrokerFixture : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private KafkaBroker? _broker;

    public KafkaBrokerFixture(IMessageSink sink) => _sink = sink;

    public KafkaBroker Broker => _broker ?? throw new InvalidOperationException("The broker has not started.");

    public async Task InitializeAsync()
    {
        _broker = await KafkaBroker.StartAsync();
        _sink.OnMessage(new DiagnosticMessage(
            $"Kafka broker on {_broker.BootstrapServers}: ZooKeeper started in {_broker.ZooKeeperStartTime.TotalSeconds:0.0} s, the broker in {_broker.BrokerStartTime.TotalSeconds:0.0} s"));
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
