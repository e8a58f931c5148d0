using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests.Support;

/// <summary>Wraps one encoded record in a datagram, decodes the datagram and hands the record to a test.</summary>
internal static class RecordDecoding
{
    /// <summary>Puts <paramref name="encoded"/> alone in a flow sample and passes the decoded record to <paramref name="inspect"/>.</summary>
    public static void InFlowSample(SFlowStructure encoded, RecordInspector inspect) =>
        Inspect(new SFlowDatagramBuilder().FlowSample(s => s.Record(encoded)).Build(), inspect);

    /// <summary>Puts <paramref name="encoded"/> alone in a counter sample and passes the decoded record to <paramref name="inspect"/>.</summary>
    public static void InCounterSample(SFlowStructure encoded, RecordInspector inspect) =>
        Inspect(new SFlowDatagramBuilder().CounterSample(s => s.Record(encoded)).Build(), inspect);

    /// <summary>A reader over the records of the datagram's first sample.</summary>
    public static SFlowRecordReader RecordsOfFirstSample(byte[] datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        Assert.True(reader.TryReadHeader(out _));
        Assert.True(reader.TryReadSample(out var sample), reader.Error.ToString());
        return sample.Records;
    }

    /// <summary>Decodes a flow record that is a value type.</summary>
    public static T DecodeFlow<T>(SFlowStructure encoded)
        where T : struct, ISFlowRecord<T>
    {
        T result = default;
        InFlowSample(encoded, record => result = ReadValue<T>(record));
        return result;
    }

    /// <summary>Decodes a counter record that is a value type.</summary>
    public static T DecodeCounter<T>(SFlowStructure encoded)
        where T : struct, ISFlowRecord<T>
    {
        T result = default;
        InCounterSample(encoded, record => result = ReadValue<T>(record));
        return result;
    }

    /// <summary>Decodes the record with <typeparamref name="T"/> and returns the error it reports (the record must fail).</summary>
    public static SFlowError FlowError<T>(SFlowStructure encoded)
        where T : ISFlowRecord<T>, allows ref struct
    {
        var error = SFlowError.None;
        InFlowSample(encoded, record =>
        {
            Assert.False(record.TryRead<T>(out _, out error));
        });
        return error;
    }

    /// <summary>Decodes the record with <typeparamref name="T"/> and returns the error it reports (the record must fail).</summary>
    public static SFlowError CounterError<T>(SFlowStructure encoded)
        where T : ISFlowRecord<T>, allows ref struct
    {
        var error = SFlowError.None;
        InCounterSample(encoded, record =>
        {
            Assert.False(record.TryRead<T>(out _, out error));
        });
        return error;
    }

    private static T ReadValue<T>(SFlowRecord record)
        where T : struct, ISFlowRecord<T>
    {
        Assert.True(record.TryRead<T>(out var value, out var error), error.ToString());
        Assert.False(error.IsError);
        return value;
    }

    private static void Inspect(byte[] datagram, RecordInspector inspect)
    {
        var reader = new SFlowDatagramReader(datagram);
        Assert.True(reader.TryReadHeader(out _));
        Assert.True(reader.TryReadSample(out var sample), reader.Error.ToString());
        var records = sample.Records;
        Assert.True(records.TryReadRecord(out var record), records.Error.ToString());
        inspect(record);
        Assert.False(records.TryReadRecord(out _));
        Assert.False(records.Error.IsError, records.Error.ToString());
        Assert.False(reader.TryReadSample(out _));
        Assert.False(reader.Error.IsError, reader.Error.ToString());
    }
}
