namespace NetworkMachinery.SFlow;

/// <summary>
/// Decodes an sFlow version 5 datagram in place: first <see cref="TryReadHeader"/>, then <see cref="TryReadSample"/>
/// until it returns false, then check <see cref="Error"/>. Nothing is allocated and nothing is thrown for bad data.
/// </summary>
/// <example>
/// <code>
/// var reader = new SFlowDatagramReader(datagram);
/// if (reader.TryReadHeader(out var header))
/// {
///     while (reader.TryReadSample(out var sample))
///     {
///         var records = sample.Records;
///         while (records.TryReadRecord(out var record)) { /* record.TryRead&lt;RawPacketHeader&gt;(...) */ }
///     }
/// }
/// if (reader.Error.IsError) { /* malformed: reader.Error.Reason at reader.Error.Offset */ }
/// </code>
/// </example>
public ref struct SFlowDatagramReader
{
    /// <summary>The version this decoder reads.</summary>
    public const uint Version5 = 5;

    private const int MinSampleSize = 8;

    private XdrReader _xdr;
    private uint _remainingSamples;
    private bool _headerRead;

    /// <summary>Creates a reader over one datagram's bytes (the UDP payload).</summary>
    public SFlowDatagramReader(ReadOnlySpan<byte> datagram) => _xdr = new XdrReader(datagram);

    /// <summary>The first error met, or <see cref="SFlowError.None"/>.</summary>
    public readonly SFlowError Error => _xdr.Error;

    /// <summary>Bytes consumed so far.</summary>
    public readonly int BytesConsumed => _xdr.BytesConsumed;

    /// <summary>True when the bytes start like an sFlow version 5 datagram (version word 5, a valid agent address type).</summary>
    public static bool LooksLikeSFlow(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= 28
        && datagram[0] == 0 && datagram[1] == 0 && datagram[2] == 0 && datagram[3] == Version5
        && datagram[4] == 0 && datagram[5] == 0 && datagram[6] == 0 && datagram[7] is 1 or 2;

    /// <summary>Reads the datagram header. Call once, first.</summary>
    /// <exception cref="InvalidOperationException">The header was already read.</exception>
    public bool TryReadHeader(out SFlowDatagramHeader header)
    {
        if (_headerRead)
        {
            ThrowHelper.ThrowInvalidOperation("The datagram header was already read.");
        }

        _headerRead = true;
        header = default;
        if (!_xdr.TryReadUInt32(out var version))
        {
            return false;
        }

        if (version != Version5)
        {
            return _xdr.FailAt(SFlowErrorCode.UnsupportedVersion, 0);
        }

        if (!_xdr.TryReadAddress(out var agent))
        {
            return false;
        }

        if (!_xdr.TryReadFixed(12, out var fields))
        {
            return false;
        }

        var subAgent = XdrFields.UInt32(fields, 0);
        var sequence = XdrFields.UInt32(fields, 4);
        var uptime = XdrFields.UInt32(fields, 8);
        if (!_xdr.TryReadCount(MinSampleSize, out _remainingSamples))
        {
            return false;
        }

        header = new SFlowDatagramHeader(version, agent, subAgent, sequence, uptime, _remainingSamples);
        return true;
    }

    /// <summary>
    /// Reads the next sample. Returns false after the last sample, or on an error (see <see cref="Error"/>),
    /// after which it keeps returning false. Samples of unknown types are returned with
    /// <see cref="SFlowSampleType.Unknown"/> and no records.
    /// </summary>
    /// <exception cref="InvalidOperationException">The header has not been read.</exception>
    public bool TryReadSample(out SFlowSample sample)
    {
        if (!_headerRead)
        {
            ThrowHelper.ThrowInvalidOperation("Read the datagram header before its samples.");
        }

        if (_remainingSamples == 0 || _xdr.HasError)
        {
            sample = default;
            return false;
        }

        var offset = _xdr.Offset;
        if (!_xdr.TryReadUInt32(out var dataFormat) || !_xdr.TryReadUInt32(out var length))
        {
            sample = default;
            return false;
        }

        if (!_xdr.TryTakePadded(length, out var body))
        {
            sample = default;
            return _xdr.FailAt(SFlowErrorCode.SampleLengthOutOfRange, offset + 4);
        }

        _remainingSamples--;
        return SampleHeaderReader.TryRead(body, offset + 8, dataFormat, offset, out sample, out var error)
            || _xdr.FailAt(error.Code, error.Offset);
    }
}
