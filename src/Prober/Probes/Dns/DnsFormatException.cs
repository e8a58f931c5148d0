namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>A DNS message that cannot be decoded; <see cref="Offset"/> is where decoding stopped.</summary>
internal sealed class DnsFormatException : Exception
{
    public DnsFormatException(string message, int offset)
        : base($"{message} (at byte {offset})") => Offset = offset;

    public DnsFormatException()
    {
    }

    public DnsFormatException(string message)
        : base(message)
    {
    }

    public DnsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The byte offset in the message where decoding failed.</summary>
    public int Offset { get; }
}
