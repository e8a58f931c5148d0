using System.Collections.Immutable;
using System.Threading.Channels;
using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.InProcess;

/// <summary>A topic of the in-process bus: one bounded queue per consumer group, each getting every message.</summary>
internal sealed class InProcessTopic
{
    private readonly string _name;
    private readonly int _capacity;
    private readonly Lock _joining = new();
    private ImmutableDictionary<string, Channel<ConsumedMessage>> _groups = ImmutableDictionary<string, Channel<ConsumedMessage>>.Empty;
    private long _offset = -1;

    public InProcessTopic(string name, int capacity)
    {
        _name = name;
        _capacity = capacity;
    }

    /// <summary>The queue of a group, created when its first consumer joins.</summary>
    public ChannelReader<ConsumedMessage> Join(string group)
    {
        lock (_joining)
        {
            if (!_groups.TryGetValue(group, out var channel))
            {
                channel = Channel.CreateBounded<ConsumedMessage>(new BoundedChannelOptions(_capacity)
                {
                    FullMode = BoundedChannelFullMode.Wait,
                    SingleWriter = false,
                    SingleReader = false,
                });
                _groups = _groups.SetItem(group, channel);
            }

            return channel.Reader;
        }
    }

    /// <summary>Queues the message for every group that has room, or for none when one is full; false when one is full.</summary>
    public bool TryPublish(byte[] key, byte[] value)
    {
        var groups = _groups;

        // Bounded channels cannot take a message for all groups at once: this checks first, and a group whose
        // consumer takes nothing meanwhile can only have gained room. Another producer may fill it, in which case
        // that group alone misses the message and the call still reports full.
        foreach (var (_, channel) in groups)
        {
            if (channel.Reader.Count >= _capacity)
            {
                return false;
            }
        }

        var message = Next(key, value);
        var all = true;
        foreach (var (_, channel) in groups)
        {
            all &= channel.Writer.TryWrite(message);
        }

        return all;
    }

    /// <summary>Queues the message for every group, waiting while a group's queue is full.</summary>
    public async ValueTask PublishAsync(byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        var message = Next(key, value);
        foreach (var (_, channel) in _groups)
        {
            await channel.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends every group's queue: its consumers finish what is queued and stop.</summary>
    public void Complete()
    {
        foreach (var (_, channel) in _groups)
        {
            channel.Writer.TryComplete();
        }
    }

    private ConsumedMessage Next(byte[] key, byte[] value) => new(_name, 0, Interlocked.Increment(ref _offset), key, value);
}
