namespace NetworkMachinery.SFlow;

/// <summary>Static texts for <see cref="SFlowErrorCode"/>, so describing an error allocates nothing.</summary>
public static class SFlowErrorText
{
    /// <summary>Every error code except <see cref="SFlowErrorCode.None"/>, for pre-creating metric series.</summary>
    public static IReadOnlyList<SFlowErrorCode> All { get; } =
        Enum.GetValues<SFlowErrorCode>().Where(c => c != SFlowErrorCode.None).ToArray();

    /// <summary>A short snake_case label for the code.</summary>
    public static string Label(SFlowErrorCode code) => code switch
    {
        SFlowErrorCode.None => "none",
        SFlowErrorCode.Truncated => "truncated",
        SFlowErrorCode.UnsupportedVersion => "unsupported_version",
        SFlowErrorCode.UnknownAddressType => "unknown_address_type",
        SFlowErrorCode.SampleLengthOutOfRange => "sample_length_out_of_range",
        SFlowErrorCode.RecordLengthOutOfRange => "record_length_out_of_range",
        SFlowErrorCode.CountOutOfRange => "count_out_of_range",
        SFlowErrorCode.OpaqueLengthOutOfRange => "opaque_length_out_of_range",
        SFlowErrorCode.RecordTooShort => "record_too_short",
        _ => "unknown",
    };

    /// <summary>A sentence describing the code.</summary>
    public static string Reason(SFlowErrorCode code) => code switch
    {
        SFlowErrorCode.None => "no error",
        SFlowErrorCode.Truncated => "datagram ends in the middle of a field",
        SFlowErrorCode.UnsupportedVersion => "not an sFlow version 5 datagram",
        SFlowErrorCode.UnknownAddressType => "address type is neither IPv4 (1) nor IPv6 (2)",
        SFlowErrorCode.SampleLengthOutOfRange => "sample length runs past the end of the datagram",
        SFlowErrorCode.RecordLengthOutOfRange => "record length runs past the end of its sample",
        SFlowErrorCode.CountOutOfRange => "declared element count cannot fit in the remaining bytes",
        SFlowErrorCode.OpaqueLengthOutOfRange => "opaque or string length runs past the end of its structure or exceeds its bound",
        SFlowErrorCode.RecordTooShort => "record is shorter than its fixed fields",
        _ => "unknown error",
    };
}
