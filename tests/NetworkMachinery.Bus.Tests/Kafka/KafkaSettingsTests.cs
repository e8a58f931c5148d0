using NetworkMachinery.Bus.Kafka;

namespace NetworkMachinery.Bus.Tests.Kafka;

public class KafkaSettingsTests
{
    [Fact]
    public void ProducerConfig_Defaults_AreDurableBatchedAndBounded()
    {
        var config = new KafkaSettings { BootstrapServers = "broker:9092", ProducerQueueMessages = 1234 }.ProducerConfig("netm-test");

        Assert.Equal("broker:9092", config["bootstrap.servers"]);
        Assert.Equal("all", config["acks"]);
        Assert.Equal("true", config["enable.idempotence"]);
        Assert.Equal("1234", config["queue.buffering.max.messages"]);
        Assert.Equal("netm-test", config["client.id"]);
    }

    [Fact]
    public void ConsumerConfig_Defaults_StoreOffsetsOnlyAfterHandling()
    {
        var config = new KafkaSettings { BootstrapServers = "broker:9092" }.ConsumerConfig("netm-group", "group");

        Assert.Equal("group", config["group.id"]);
        Assert.Equal("false", config["enable.auto.offset.store"]);
        Assert.Equal("true", config["enable.auto.commit"]);
        Assert.Equal("earliest", config["auto.offset.reset"]);
    }

    [Fact]
    public void Properties_OverrideEveryDefault()
    {
        var settings = new KafkaSettings
        {
            BootstrapServers = "broker:9092",
            Properties = new Dictionary<string, string> { ["enable.idempotence"] = "false", ["api.version.request"] = "false", ["bootstrap.servers"] = "other:9092" },
        };

        var producer = settings.ProducerConfig("p");
        var consumer = settings.ConsumerConfig("c", "g");

        Assert.Equal("false", producer["enable.idempotence"]);
        Assert.Equal("false", producer["api.version.request"]);
        Assert.Equal("false", consumer["api.version.request"]);
        Assert.Equal("other:9092", consumer["bootstrap.servers"]);
    }
}
