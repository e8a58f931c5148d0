namespace NetworkMachinery.SFlow;

/// <summary>Reads the records of one sample in order. Each record is bounded by its declared length.</summary>
public ref struct SFlowRecordReader
{
    private XdrReader _xdr;
    private readonly SFlowRecordKind _kind;
    private uint _remaining;

    internal SFlowRecordReader(XdrReader xdr, SFlowRecordKind kind, uint count)
    {
        _xdr = xdr;
        _kind = kind;
        _remaining = count;
    }

    /// <summary>The first error met, or <see cref="SFlowError.None"/>.</summary>
    public readonly SFlowError Error => _xdr.Error;

    /// <summary>
    /// Reads the next record. Returns false after the last record, or on an error (see <see cref="Error"/>),
    /// after which it keeps returning false.
    /// </summary>
    public bool TryReadRecord(out SFlowRecord record)
    {
        if (_remaining == 0 || _xdr.HasError)
        {
            record = default;
            return false;
        }

        var offset = _xdr.Offset;
        if (!_xdr.TryReadUInt32(out var dataFormat) || !_xdr.TryReadUInt32(out var length))
        {
            record = default;
            return false;
        }

        if (!_xdr.TryTakePadded(length, out var data))
        {
            record = default;
            return _xdr.FailAt(SFlowErrorCode.RecordLengthOutOfRange, offset + 4);
        }

        _remaining--;
        record = new SFlowRecord(_kind, dataFormat, offset, data);
        return true;
    }
}
