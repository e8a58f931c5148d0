using System.Buffers.Binary;

namespace NetworkMachinery.Collector.Capture;

/// <summary>
/// Reads packets from a classic pcap (microsecond or nanosecond, either byte order) or a pcapng capture,
/// as written by tcpdump, tshark and dumpcap.
/// </summary>
public sealed class PcapReader : IDisposable
{
    private const uint PcapMagicMicroseconds = 0xA1B2C3D4;
    private const uint PcapMagicNanoseconds = 0xA1B23C4D;
    private const uint PcapngSectionHeader = 0x0A0D0D0A;
    private const uint PcapngByteOrderMagic = 0x1A2B3C4D;
    private const int MaxPacketLength = 256 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly bool _pcapng;
    private readonly List<(uint LinkType, ulong UnitsPerSecond)> _interfaces = [];
    private byte[] _buffer = new byte[64 * 1024];
    private ReadOnlyMemory<byte> _block;
    private bool _bigEndian;
    private readonly uint _linkType;
    private readonly bool _nanoseconds;
    private long _offset;

    /// <summary>Opens a capture file.</summary>
    /// <exception cref="PcapFormatException">The file is neither pcap nor pcapng.</exception>
    public static PcapReader Open(string path) => new(File.OpenRead(path), ownsStream: true);

    /// <summary>Reads a capture from <paramref name="stream"/>.</summary>
    /// <exception cref="PcapFormatException">The stream is neither pcap nor pcapng.</exception>
    public PcapReader(Stream stream, bool ownsStream = false)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        Span<byte> magic = stackalloc byte[4];
        if (!ReadExactly(magic))
        {
            throw new PcapFormatException("empty file: not a pcap or pcapng capture", 0);
        }

        var big = BinaryPrimitives.ReadUInt32BigEndian(magic);
        var little = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (big == PcapngSectionHeader)
        {
            _pcapng = true;
            Span<byte> length = stackalloc byte[4];
            if (!ReadExactly(length))
            {
                throw new PcapFormatException("section header is truncated", 0);
            }

            ReadSectionHeader(length, 0);
        }
        else if (big is PcapMagicMicroseconds or PcapMagicNanoseconds || little is PcapMagicMicroseconds or PcapMagicNanoseconds)
        {
            _bigEndian = big is PcapMagicMicroseconds or PcapMagicNanoseconds;
            _nanoseconds = (_bigEndian ? big : little) == PcapMagicNanoseconds;
            Span<byte> header = stackalloc byte[20];
            if (!ReadExactly(header))
            {
                throw new PcapFormatException("pcap file header is truncated", _offset);
            }

            _linkType = ReadUInt32(header[16..]) & 0x0FFF_FFFF;
        }
        else
        {
            throw new PcapFormatException($"not a pcap or pcapng capture (magic 0x{big:x8})", 0);
        }
    }

    /// <summary>Reads the next packet; false at the end of the capture.</summary>
    /// <exception cref="PcapFormatException">The capture is damaged.</exception>
    public bool TryReadPacket(out PcapPacket packet) => _pcapng ? TryReadPcapngPacket(out packet) : TryReadPcapPacket(out packet);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private bool TryReadPcapPacket(out PcapPacket packet)
    {
        packet = default;
        Span<byte> record = stackalloc byte[16];
        var start = _offset;
        var first = _stream.ReadAtLeast(record, record.Length, throwOnEndOfStream: false);
        _offset += first;
        if (first == 0)
        {
            return false;
        }

        if (first < record.Length)
        {
            throw new PcapFormatException("packet record header is truncated", start);
        }

        var seconds = ReadUInt32(record);
        var fraction = ReadUInt32(record[4..]);
        var captured = ReadUInt32(record[8..]);
        var original = ReadUInt32(record[12..]);
        if (captured > MaxPacketLength)
        {
            throw new PcapFormatException($"packet record claims {captured} captured bytes", start);
        }

        var data = ReadBlock((int)captured, start);
        var ticks = _nanoseconds ? fraction / 100 : fraction * 10L;
        packet = new PcapPacket(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks), _linkType, data, (int)Math.Min(original, int.MaxValue));
        return true;
    }

    private bool TryReadPcapngPacket(out PcapPacket packet)
    {
        packet = default;
        Span<byte> head = stackalloc byte[8];
        while (true)
        {
            var start = _offset;
            var read = _stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            _offset += read;
            if (read == 0)
            {
                return false;
            }

            if (read < head.Length)
            {
                throw new PcapFormatException("block header is truncated", start);
            }

            // The section header's type reads the same in either byte order; a new section may switch the order.
            var type = ReadUInt32(head);
            if (type == PcapngSectionHeader)
            {
                ReadSectionHeader(head[4..], start);
                continue;
            }

            var totalLength = ReadUInt32(head[4..]);
            if (totalLength < 12 || totalLength % 4 != 0 || totalLength > MaxPacketLength + 64)
            {
                throw new PcapFormatException($"block length {totalLength} is invalid", start);
            }

            var body = ReadBlock((int)totalLength - 8, start).Span;
            var content = body[..^4];
            switch (type)
            {
                case 1: // interface description
                    AddInterface(content, start);
                    break;
                case 6: // enhanced packet
                    packet = EnhancedPacket(content, start);
                    return true;
                case 3: // simple packet
                    packet = SimplePacket(content, start);
                    return true;
            }
        }
    }

    /// <summary>Reads the rest of a section header whose type and still-uninterpreted length word were read.</summary>
    private void ReadSectionHeader(ReadOnlySpan<byte> lengthWord, long start)
    {
        Span<byte> byteOrder = stackalloc byte[4];
        if (!ReadExactly(byteOrder))
        {
            throw new PcapFormatException("section header is truncated", start);
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(byteOrder) == PcapngByteOrderMagic)
        {
            _bigEndian = false;
        }
        else if (BinaryPrimitives.ReadUInt32BigEndian(byteOrder) == PcapngByteOrderMagic)
        {
            _bigEndian = true;
        }
        else
        {
            throw new PcapFormatException("section header has no byte-order magic", start);
        }

        var totalLength = ReadUInt32(lengthWord);
        if (totalLength < 28 || totalLength % 4 != 0 || totalLength > MaxPacketLength)
        {
            throw new PcapFormatException($"section header length {totalLength} is invalid", start);
        }

        ReadBlock((int)totalLength - 12, start);
        _interfaces.Clear();
    }

    private void AddInterface(ReadOnlySpan<byte> content, long start)
    {
        if (content.Length < 8)
        {
            throw new PcapFormatException("interface description is truncated", start);
        }

        var linkType = (uint)(_bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(content) : BinaryPrimitives.ReadUInt16LittleEndian(content));
        ulong unitsPerSecond = 1_000_000;
        var options = content[8..];
        while (options.Length >= 4)
        {
            var code = _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(options) : BinaryPrimitives.ReadUInt16LittleEndian(options);
            var length = _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(options[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(options[2..]);
            if (code == 0 || options.Length < 4 + length)
            {
                break;
            }

            if (code == 9 && length >= 1) // if_tsresol
            {
                var resolution = options[4];
                unitsPerSecond = (resolution & 0x80) != 0 ? 1UL << Math.Min(resolution & 0x7F, 63) : Pow10(Math.Min(resolution, (byte)19));
            }

            options = options[Math.Min(options.Length, 4 + ((length + 3) & ~3))..];
        }

        _interfaces.Add((linkType, unitsPerSecond));
    }

    private PcapPacket EnhancedPacket(ReadOnlySpan<byte> content, long start)
    {
        if (content.Length < 20)
        {
            throw new PcapFormatException("enhanced packet block is truncated", start);
        }

        var interfaceId = ReadUInt32(content);
        var timestamp = ((ulong)ReadUInt32(content[4..]) << 32) | ReadUInt32(content[8..]);
        var captured = ReadUInt32(content[12..]);
        var original = ReadUInt32(content[16..]);
        if (interfaceId >= _interfaces.Count)
        {
            throw new PcapFormatException($"packet names interface {interfaceId}, which was not described", start);
        }

        if (captured > content.Length - 20)
        {
            throw new PcapFormatException($"packet claims {captured} captured bytes in a shorter block", start);
        }

        var iface = _interfaces[(int)interfaceId];
        var seconds = timestamp / iface.UnitsPerSecond;
        var ticks = (long)((timestamp % iface.UnitsPerSecond) * 10_000_000UL / iface.UnitsPerSecond);
        var data = _block.Slice(20, (int)captured);
        return new PcapPacket(DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(seconds, 253402300799UL)).AddTicks(ticks), iface.LinkType, data, (int)Math.Min(original, int.MaxValue));
    }

    private PcapPacket SimplePacket(ReadOnlySpan<byte> content, long start)
    {
        if (content.Length < 4 || _interfaces.Count == 0)
        {
            throw new PcapFormatException("simple packet block is truncated or has no interface", start);
        }

        var original = ReadUInt32(content);
        var captured = (int)Math.Min(original, (uint)(content.Length - 4));
        return new PcapPacket(default, _interfaces[0].LinkType, _block.Slice(4, captured), (int)Math.Min(original, int.MaxValue));
    }

    /// <summary>Reads <paramref name="length"/> bytes into the reusable buffer; they stay valid until the next read.</summary>
    private ReadOnlyMemory<byte> ReadBlock(int length, long start)
    {
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        var read = _stream.ReadAtLeast(_buffer.AsSpan(0, length), length, throwOnEndOfStream: false);
        _offset += read;
        if (read < length)
        {
            throw new PcapFormatException($"record is truncated: {read} of {length} bytes", start);
        }

        _block = _buffer.AsMemory(0, length);
        return _block;
    }

    private bool ReadExactly(Span<byte> destination)
    {
        var read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        _offset += read;
        return read == destination.Length;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
