using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Tests.Consuming;

public class DuplicateFilterTests
{
    [Fact]
    public void IsDuplicate_AfterMarkHandled_OnlyForTheSameTopicKeyAndIdentity()
    {
        var filter = new DuplicateFilter(window: 16);
        filter.MarkHandled(Message("flows", "agent-1"), 7);

        Assert.True(filter.IsDuplicate(Message("flows", "agent-1"), 7));
        Assert.False(filter.IsDuplicate(Message("flows", "agent-1"), 8));
        Assert.False(filter.IsDuplicate(Message("flows", "agent-2"), 7));
        Assert.False(filter.IsDuplicate(Message("counters", "agent-1"), 7));
    }

    [Fact]
    public void MarkHandled_BeyondTheWindow_ForgetsTheOldestIdentity()
    {
        var filter = new DuplicateFilter(window: 3);
        var message = Message("flows", "agent");
        foreach (var identity in new ulong[] { 1, 2, 3, 4 })
        {
            filter.MarkHandled(message, identity);
        }

        Assert.False(filter.IsDuplicate(message, 1));
        Assert.True(filter.IsDuplicate(message, 2));
        Assert.True(filter.IsDuplicate(message, 4));
    }

    [Fact]
    public void MarkHandled_MoreKeysThanAllowed_ForgetsTheLeastRecentlySeenKey()
    {
        var filter = new DuplicateFilter(window: 8, maxKeys: 2);
        filter.MarkHandled(Message("flows", "a"), 1);
        filter.MarkHandled(Message("flows", "b"), 1);
        filter.MarkHandled(Message("flows", "a"), 2);
        filter.MarkHandled(Message("flows", "c"), 1);

        Assert.True(filter.IsDuplicate(Message("flows", "a"), 1));
        Assert.False(filter.IsDuplicate(Message("flows", "b"), 1));
        Assert.True(filter.IsDuplicate(Message("flows", "c"), 1));
    }

    private static ConsumedMessage Message(string topic, string key) => new(topic, 0, 0, System.Text.Encoding.UTF8.GetBytes(key), []);
}
