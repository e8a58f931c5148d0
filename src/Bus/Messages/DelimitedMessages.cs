using Google.Protobuf;
using NetworkMachinery.Bus.Consuming;

namespace NetworkMachinery.Bus.Messages;

/// <summary>
/// The value of a message on a data topic: one or more length-delimited protobuf messages (docs/contracts.md).
/// </summary>
public static class DelimitedMessages
{
    /// <summary>Every message in <paramref name="value"/>, in order.</summary>
    /// <exception cref="PoisonMessageException">The value is not length-delimited <typeparamref name="T"/>s: it never will be.</exception>
    public static List<T> Parse<T>(byte[] value, MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(parser);
        var messages = new List<T>(1);
        using var stream = new MemoryStream(value, writable: false);
        try
        {
            while (stream.Position < stream.Length)
            {
                messages.Add(parser.ParseDelimitedFrom(stream));
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new PoisonMessageException($"not a length-delimited {typeof(T).Name}: {e.Message}", e);
        }

        return messages;
    }

    /// <summary>One message, length-delimited, as a topic's value.</summary>
    public static byte[] Write(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var value = new MemoryStream();
        message.WriteDelimitedTo(value);
        return value.ToArray();
    }
}
