using System.Buffers.Binary;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Export;

/// <summary>
/// The bus key of an agent stream: the agent's address (4 or 16 bytes) then the sub-agent id (4 bytes, big-endian).
/// Every message of one stream has the same key, so it lands in one partition and keeps its order.
/// </summary>
internal static class StreamKey
{
    public static byte[] For(IpAddressValue agent, uint subAgentId)
    {
        Span<byte> address = stackalloc byte[16];
        var length = agent.WriteBytes(address);
        var key = new byte[length + 4];
        address[..length].CopyTo(key);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(length), subAgentId);
        return key;
    }
}
