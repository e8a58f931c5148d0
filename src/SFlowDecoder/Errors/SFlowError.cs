namespace NetworkMachinery.SFlow;

/// <summary>
/// The outcome of a failed decode: what is wrong and the byte offset in the datagram where it was found.
/// A value type, so reporting an error never allocates.
/// </summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Offset">The offset, from the start of the datagram, of the field that could not be read.</param>
public readonly record struct SFlowError(SFlowErrorCode Code, int Offset)
{
    /// <summary>No error.</summary>
    public static SFlowError None => default;

    /// <summary>True when this value describes an error.</summary>
    public bool IsError => Code != SFlowErrorCode.None;

    /// <summary>A short, stable label for the error, suitable as a metric label value.</summary>
    public string Label => SFlowErrorText.Label(Code);

    /// <summary>A sentence that says what is wrong, for logs and command-line output.</summary>
    public string Reason => SFlowErrorText.Reason(Code);

    /// <inheritdoc />
    public override string ToString() => IsError ? $"{Reason} (at byte {Offset})" : "no error";
}
