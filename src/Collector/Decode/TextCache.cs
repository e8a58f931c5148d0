using System.Text;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Turns the short names agents repeat in every counter sample (port names, host names) into strings, allocating
/// a string only the first time a name is seen. Bounded, and owned by one decode worker.
/// </summary>
internal sealed class TextCache
{
    private const int MaxEntries = 8192;
    private readonly Dictionary<int, (byte[] Bytes, string Text)> _entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var key = hash.ToHashCode();
        if (_entries.TryGetValue(key, out var entry) && utf8.SequenceEqual(entry.Bytes))
        {
            return entry.Text;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var text = Encoding.UTF8.GetString(utf8);
        _entries[key] = (utf8.ToArray(), text);
        return text;
    }
}
