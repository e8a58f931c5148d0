using System.Buffers.Binary;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>Copies a real datagram with chosen header fields, to send the collector a stream the test controls.</summary>
public static class DatagramHeaderPatch
{
    /// <summary>A copy of <paramref name="datagram"/> (IPv4 agent) with the sub-agent, sequence number and uptime given.</summary>
    public static byte[] With(byte[] datagram, uint? subAgentId = null, uint? sequence = null, uint? uptimeMs = null)
    {
        if (BinaryPrimitives.ReadUInt32BigEndian(datagram.AsSpan(4)) != 1)
        {
            throw new ArgumentException("Only datagrams with an IPv4 agent address are patched.", nameof(datagram));
        }

        var copy = (byte[])datagram.Clone();
        if (subAgentId is { } id)
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(12), id);
        }

        if (sequence is { } number)
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), number);
        }

        if (uptimeMs is { } uptime)
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), uptime);
        }

        return copy;
    }
}
