using System.Buffers.Binary;

namespace NetworkMachinery.SFlow;

/// <summary>A list of 32-bit big-endian words read in place (an XDR <c>unsigned int&lt;&gt;</c>).</summary>
public readonly ref struct XdrUInt32List
{
    private readonly ReadOnlySpan<byte> _words;

    internal XdrUInt32List(ReadOnlySpan<byte> words) => _words = words;

    /// <summary>Number of words.</summary>
    public int Count => _words.Length / 4;

    /// <summary>The word at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public uint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return BinaryPrimitives.ReadUInt32BigEndian(_words.Slice(index * 4, 4));
        }
    }

    /// <summary>Reads a count followed by that many words.</summary>
    internal static bool TryRead(scoped ref XdrReader reader, out XdrUInt32List list)
    {
        list = default;
        if (!reader.TryReadCount(4, out var count) || !reader.TryReadFixedOpaque((int)count * 4, out var words))
        {
            return false;
        }

        list = new XdrUInt32List(words);
        return true;
    }

    /// <summary>Enumerates the words.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the words of an <see cref="XdrUInt32List"/>.</summary>
    public ref struct Enumerator
    {
        private readonly XdrUInt32List _list;
        private int _index;

        internal Enumerator(XdrUInt32List list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current word.</summary>
        public readonly uint Current => _list[_index];

        /// <summary>Moves to the next word.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}
