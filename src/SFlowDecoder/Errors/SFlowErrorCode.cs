namespace NetworkMachinery.SFlow;

/// <summary>Why a datagram could not be decoded. Each value is a stable, bounded label for metrics.</summary>
public enum SFlowErrorCode : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The data ended before a field that the structure requires.</summary>
    Truncated,

    /// <summary>The datagram's version is not 5.</summary>
    UnsupportedVersion,

    /// <summary>An address type is neither IPv4 (1) nor IPv6 (2).</summary>
    UnknownAddressType,

    /// <summary>A sample's declared length runs past the end of the datagram.</summary>
    SampleLengthOutOfRange,

    /// <summary>A record's declared length runs past the end of its sample.</summary>
    RecordLengthOutOfRange,

    /// <summary>A declared count (samples, records, AS path entries, labels, ...) cannot fit in the bytes that remain.</summary>
    CountOutOfRange,

    /// <summary>A variable-length opaque or string declares more bytes than remain or than its bound allows.</summary>
    OpaqueLengthOutOfRange,

    /// <summary>A record's declared length is shorter than its fixed fields.</summary>
    RecordTooShort,
}
