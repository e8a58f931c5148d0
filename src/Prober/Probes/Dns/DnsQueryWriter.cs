using System.Buffers.Binary;
using System.Text;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>Encodes a standard query (RFC 1035 4.1) with one question and recursion desired, as a stub resolver sends it.</summary>
internal static class DnsQueryWriter
{
    private const int HeaderLength = 12;
    private const int MaxLabelLength = 63;
    private const int MaxNameLength = 255;
    private const ushort RecursionDesired = 0x0100;
    private const ushort ClassInternet = 1;

    /// <summary>The query for <paramref name="name"/> (absolute or not, a trailing dot is allowed).</summary>
    /// <exception cref="ArgumentException">The name is empty, has an empty or over-long label, or is over-long.</exception>
    public static byte[] Write(ushort id, string name, DnsRecordType type)
    {
        var encodedName = EncodeName(name);
        var message = new byte[HeaderLength + encodedName.Length + 4];
        var span = message.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, id);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], RecursionDesired);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 1);
        encodedName.CopyTo(span[HeaderLength..]);
        var tail = span[(HeaderLength + encodedName.Length)..];
        BinaryPrimitives.WriteUInt16BigEndian(tail, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(tail[2..], ClassInternet);
        return message;
    }

    /// <summary>A name in wire format: length-prefixed labels ending with the root's empty label.</summary>
    public static byte[] EncodeName(string name)
    {
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A DNS name cannot be empty.", nameof(name));
        }

        var encoded = new List<byte>(trimmed.Length + 2);
        foreach (var label in trimmed.Split('.'))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length is 0 or > MaxLabelLength || label.Any(c => c > 127 || char.IsWhiteSpace(c)))
            {
                throw new ArgumentException($"'{name}' is not a valid DNS name: label '{label}' is empty, too long or not ASCII.", nameof(name));
            }

            encoded.Add((byte)bytes.Length);
            encoded.AddRange(bytes);
        }

        encoded.Add(0);
        return encoded.Count > MaxNameLength
            ? throw new ArgumentException($"'{name}' is not a valid DNS name: longer than {MaxNameLength} bytes.", nameof(name))
            : [.. encoded];
    }
}
