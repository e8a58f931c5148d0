using System.Runtime.CompilerServices;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// How a set of key fields is packed into 64-bit words: an address takes two words, the smaller fields share words
/// (a 5-tuple of IPv4 or IPv6 addresses, ports and protocol is 5 words). Rules whose flows have the same keys share one
/// layout, and the layout extracts a record's key once per record however many of those rules the record reaches.
/// </summary>
internal sealed class FlowKeyLayout
{
    private readonly FilterField[] _fields;
    private readonly int[] _word;
    private readonly int[] _shift;
    private readonly ulong[] _scratch;
    private long _stamp = -1;
    private ulong _hash;

    public FlowKeyLayout(IReadOnlyList<FilterField> fields)
    {
        _fields = [.. fields];
        _word = new int[_fields.Length];
        _shift = new int[_fields.Length];
        var words = 0;
        var openWord = -1;
        var used = 64;
        for (var i = 0; i < _fields.Length; i++)
        {
            var bits = FlowFieldCatalog.Bits(_fields[i]);
            if (bits == 128)
            {
                _word[i] = words;
                words += 2;
                continue;
            }

            if (used + bits > 64)
            {
                openWord = words++;
                used = 0;
            }

            _word[i] = openWord;
            _shift[i] = used;
            used += bits;
        }

        Words = words;
        _scratch = new ulong[words];
    }

    /// <summary>The key's size in words.</summary>
    public int Words { get; }

    /// <summary>The fields, in the flow's order.</summary>
    public IReadOnlyList<FilterField> Fields => _fields;

    /// <summary>
    /// The key of the record numbered <paramref name="stamp"/> and its hash: extracted on the first call for a stamp,
    /// the same words for every later call with it. The span is valid until the next record.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<ulong> Extract(in FlowFields record, long stamp, out ulong hash)
    {
        if (_stamp != stamp)
        {
            Fill(record);
            _stamp = stamp;
        }

        hash = _hash;
        return _scratch;
    }

    /// <summary>The key as an event shows it: each field's name and value.</summary>
    public Dictionary<string, string> Describe(ReadOnlySpan<ulong> key)
    {
        var described = new Dictionary<string, string>(_fields.Length, StringComparer.Ordinal);
        for (var i = 0; i < _fields.Length; i++)
        {
            described[FlowFieldCatalog.Name(_fields[i])] = FlowFieldCatalog.Format(_fields[i], Value(key, i));
        }

        return described;
    }

    /// <summary>The value of the field <paramref name="field"/> in <paramref name="key"/>, or null when the layout does not hold it.</summary>
    public UInt128? Find(ReadOnlySpan<ulong> key, FilterField field)
    {
        var index = Array.IndexOf(_fields, field);
        return index < 0 ? null : Value(key, index);
    }

    /// <summary>Hashes a key (a multiply-xorshift mix of the words; the tables use the low bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<ulong> key)
    {
        var hash = 0x9E3779B97F4A7C15UL;
        foreach (var word in key)
        {
            hash = (hash ^ word) * 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 31;
        }

        return hash;
    }

    private void Fill(in FlowFields record)
    {
        var words = _scratch.AsSpan();
        words.Clear();
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            if (FlowFieldCatalog.Bits(field) == 128)
            {
                var address = FlowFieldCatalog.Read(record, field);
                words[_word[i]] = (ulong)(address >> 64);
                words[_word[i] + 1] = (ulong)address;
            }
            else
            {
                words[_word[i]] |= FlowFieldCatalog.Small(record, field) << _shift[i];
            }
        }

        _hash = Hash(words);
    }

    private UInt128 Value(ReadOnlySpan<ulong> key, int index)
    {
        var bits = FlowFieldCatalog.Bits(_fields[index]);
        if (bits == 128)
        {
            return new UInt128(key[_word[index]], key[_word[index] + 1]);
        }

        return (key[_word[index]] >> _shift[index]) & ((1UL << bits) - 1);
    }
}
