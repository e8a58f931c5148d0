using System.Buffers.Binary;
using System.Text;
using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Tests.Support;

/// <summary>Messages whose value starts with an 8-byte big-endian identity, then a label.</summary>
internal static class TestMessages
{
    public static byte[] Key(string stream) => Encoding.UTF8.GetBytes(stream);

    public static byte[] Value(ulong identity, string label = "")
    {
        var value = new byte[8 + Encoding.UTF8.GetByteCount(label)];
        BinaryPrimitives.WriteUInt64BigEndian(value, identity);
        Encoding.UTF8.GetBytes(label, value.AsSpan(8));
        return value;
    }

    public static ulong? IdentityOf(ConsumedMessage message) =>
        message.Value.Length >= 8 ? BinaryPrimitives.ReadUInt64BigEndian(message.Value) : throw new FormatException("shorter than an identity");

    public static ulong Identity(ConsumedMessage message) => BinaryPrimitives.ReadUInt64BigEndian(message.Value);

    public static string Stream(ConsumedMessage message) => Encoding.UTF8.GetString(message.Key);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
