using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Consuming;

/// <summary>
/// Remembers the identities of the last messages handled per topic and key, so that a redelivery (the same topic, key
/// and identity) is recognised. Bounded: a key keeps its most recent <c>window</c> identities, and at most <c>maxKeys</c> keys are
/// followed (the least recently seen is forgotten first). Not thread-safe: one per consumer loop.
/// </summary>
internal sealed class DuplicateFilter
{
    private readonly int _window;
    private readonly int _maxKeys;
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private long _clock;

    public DuplicateFilter(int window, int maxKeys = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _window = window;
        _maxKeys = maxKeys;
    }

    /// <summary>True when (topic, key, identity) was marked handled and is still remembered.</summary>
    public bool IsDuplicate(ConsumedMessage message, ulong identity) =>
        _streams.TryGetValue(StreamOf(message), out var stream) && stream.Seen.Contains(identity);

    /// <summary>Remembers (topic, key, identity) as handled.</summary>
    public void MarkHandled(ConsumedMessage message, ulong identity)
    {
        var name = StreamOf(message);
        if (!_streams.TryGetValue(name, out var stream))
        {
            if (_streams.Count >= _maxKeys)
            {
                _streams.Remove(_streams.MinBy(pair => pair.Value.LastUsed).Key);
            }

            stream = new Stream();
            _streams[name] = stream;
        }

        stream.LastUsed = ++_clock;
        if (stream.Seen.Add(identity))
        {
            stream.Order.Enqueue(identity);
            if (stream.Order.Count > _window)
            {
                stream.Seen.Remove(stream.Order.Dequeue());
            }
        }
    }

    private static string StreamOf(ConsumedMessage message) => $"{message.Topic}\0{Convert.ToBase64String(message.Key)}";

    private sealed class Stream
    {
        public HashSet<ulong> Seen { get; } = [];

        public Queue<ulong> Order { get; } = new();

        public long LastUsed { get; set; }
    }
}
