using System.Buffers.Binary;
using System.Runtime.InteropServices;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>
/// How a received datagram travels from a receive loop to its decode worker through the pipe:
/// a fixed 32-byte header (payload length, sender address and port, receive time) followed by the payload.
/// A frame is always written in one piece, so it never straddles two pipe segments.
/// </summary>
internal static class DatagramFrame
{
    public const int HeaderSize = 32;

    // Layout: [0..2) payload length, [2] address family (4 or 6), [3] unused, [4..6) sender port,
    // [6..8) unused, [8..24) sender address, [24..32) receive time in Unix nanoseconds.
    public static void WriteHeader(Span<byte> frame, int payloadLength, ReadOnlySpan<byte> sockaddr, long receivedUnixNs)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame, (ushort)payloadLength);
        frame[2] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(frame[4..], 0);
        frame[8..24].Clear();
        var family = sockaddr.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(sockaddr) : (ushort)0;
        if (family == 2 && sockaddr.Length >= 8)
        {
            frame[2] = 4;
            sockaddr.Slice(2, 2).CopyTo(frame[4..]);
            sockaddr.Slice(4, 4).CopyTo(frame[8..]);
        }
        else if (family == 10 && sockaddr.Length >= 24)
        {
            frame[2] = 6;
            sockaddr.Slice(2, 2).CopyTo(frame[4..]);
            sockaddr.Slice(8, 16).CopyTo(frame[8..]);
        }

        BinaryPrimitives.WriteInt64LittleEndian(frame[24..], receivedUnixNs);
    }

    public static int ReadPayloadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt16LittleEndian(header);

    public static long ReadReceivedUnixNs(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[24..]);

    /// <summary>The sender's address and port; an IPv4-mapped IPv6 sender (dual-stack socket) reads as IPv4.</summary>
    public static (IpAddressValue Address, ushort Port) ReadSender(ReadOnlySpan<byte> header)
    {
        var port = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        switch (header[2])
        {
            case 4:
                return (IpAddressValue.FromIPv4(header.Slice(8, 4)), port);
            case 6:
                var address = header.Slice(8, 16);
                var mapped = MemoryMarshal.Read<ulong>(address) == 0 && BinaryPrimitives.ReadUInt32BigEndian(address[8..]) == 0xFFFF;
                return (mapped ? IpAddressValue.FromIPv4(address[12..]) : IpAddressValue.FromIPv6(address), port);
            default:
                return (default, port);
        }
    }
}
