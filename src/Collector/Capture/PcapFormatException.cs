namespace NetworkMachinery.Collector.Capture;

/// <summary>The file is not a pcap or pcapng capture, or it is damaged at <see cref="Offset"/>.</summary>
public sealed class PcapFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PcapFormatException(string message, long offset)
        : base($"{message} (at byte {offset})") => Offset = offset;

    /// <summary>Creates the exception.</summary>
    public PcapFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PcapFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PcapFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Offset in the file where the damage was found.</summary>
    public long Offset { get; }
}
