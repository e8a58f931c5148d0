using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// Decodes a DNS response (RFC 1035 4.1): the header, the first question and the answer section's A, AAAA and CNAME
/// records, following name compression. Anything malformed raises <see cref="DnsFormatException"/>.
/// </summary>
internal static class DnsResponseReader
{
    private const int HeaderLength = 12;
    private const ushort ResponseFlag = 0x8000;
    private const ushort TruncatedFlag = 0x0200;
    private const int MaxPointerHops = 64;

    public static DnsResponse Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException("message shorter than a DNS header", message.Length);
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & ResponseFlag) == 0)
        {
            throw new DnsFormatException("not a response (QR is 0)", 2);
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var offset = HeaderLength;
        var questionName = string.Empty;
        var questionType = default(DnsRecordType);
        for (var i = 0; i < questions; i++)
        {
            var name = ReadName(message, ref offset);
            var type = (DnsRecordType)ReadUInt16(message, ref offset);
            ReadUInt16(message, ref offset);
            if (i == 0)
            {
                (questionName, questionType) = (name, type);
            }
        }

        var answers = new List<DnsAnswer>(answerCount);
        for (var i = 0; i < answerCount; i++)
        {
            var name = ReadName(message, ref offset);
            var type = (DnsRecordType)ReadUInt16(message, ref offset);
            ReadUInt16(message, ref offset);
            var ttl = ReadUInt32(message, ref offset);
            var length = ReadUInt16(message, ref offset);
            if (offset + length > message.Length)
            {
                throw new DnsFormatException($"record data of {length} bytes runs past the end", offset);
            }

            var data = message.Slice(offset, length);
            switch (type)
            {
                case DnsRecordType.A or DnsRecordType.Aaaa:
                    var expected = type == DnsRecordType.A ? 4 : 16;
                    if (length != expected)
                    {
                        throw new DnsFormatException($"{type} record with {length} bytes of data", offset);
                    }

                    answers.Add(new DnsAnswer(name, type, ttl, new IPAddress(data), null));
                    break;
                case DnsRecordType.CName:
                    var target = offset;
                    answers.Add(new DnsAnswer(name, type, ttl, null, ReadName(message, ref target)));
                    break;
            }

            offset += length;
        }

        return new DnsResponse
        {
            Id = BinaryPrimitives.ReadUInt16BigEndian(message),
            ResponseCode = flags & 0xF,
            Truncated = (flags & TruncatedFlag) != 0,
            QuestionName = questionName,
            QuestionType = questionType,
            Answers = answers,
        };
    }

    /// <summary>
    /// The addresses of <paramref name="type"/> for <paramref name="name"/>, following the CNAME chain in
    /// <paramref name="answers"/>, in the order received.
    /// </summary>
    public static IReadOnlyList<IPAddress> AddressesFor(IReadOnlyList<DnsAnswer> answers, string name, DnsRecordType type)
    {
        var current = name.TrimEnd('.');
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (seen.Add(current))
        {
            var alias = answers.FirstOrDefault(a => a.Type == DnsRecordType.CName && string.Equals(a.Name, current, StringComparison.OrdinalIgnoreCase));
            if (alias.CanonicalName is null)
            {
                break;
            }

            current = alias.CanonicalName;
        }

        return answers
            .Where(a => a.Type == type && seen.Contains(a.Name))
            .Select(a => a.Address!)
            .ToList();
    }

    private static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var name = new StringBuilder();
        var position = offset;
        var jumped = false;
        for (var hops = 0; ; )
        {
            if (position >= message.Length)
            {
                throw new DnsFormatException("name runs past the end", position);
            }

            var length = message[position];
            if (length == 0)
            {
                position++;
                break;
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    throw new DnsFormatException("compression pointer runs past the end", position);
                }

                if (++hops > MaxPointerHops)
                {
                    throw new DnsFormatException("compression pointers loop", position);
                }

                if (!jumped)
                {
                    offset = position + 2;
                    jumped = true;
                }

                position = ((length & 0x3F) << 8) | message[position + 1];
                continue;
            }

            if ((length & 0xC0) != 0)
            {
                throw new DnsFormatException($"label type 0x{length:x2} is not supported", position);
            }

            if (position + 1 + length > message.Length)
            {
                throw new DnsFormatException("label runs past the end", position);
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            name.Append(Encoding.ASCII.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }

        if (!jumped)
        {
            offset = position;
        }

        return name.ToString();
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> message, ref int offset)
    {
        if (offset + 2 > message.Length)
        {
            throw new DnsFormatException("message ends inside a record", offset);
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        offset += 2;
        return value;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> message, ref int offset)
    {
        if (offset + 4 > message.Length)
        {
            throw new DnsFormatException("message ends inside a record", offset);
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(message[offset..]);
        offset += 4;
        return value;
    }
}
