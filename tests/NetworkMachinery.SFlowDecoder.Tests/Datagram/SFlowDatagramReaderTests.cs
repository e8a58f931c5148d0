using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class SFlowDatagramReaderTests
{
    [Fact]
    public void TryReadHeader_IPv4Agent_ReadsEveryField()
    {
        var datagram = new SFlowDatagramBuilder()
            .Agent(Ip("198.51.100.23")).SubAgentId(0x0102_0304).SequenceNumber(0x0A0B_0C0D).UptimeMs(0xF0E0_D0C0)
            .CounterSample(_ => { })
            .CounterSample(_ => { })
            .Build();
        var reader = new SFlowDatagramReader(datagram);

        Assert.True(reader.TryReadHeader(out var header));

        Assert.Equal(5u, header.Version);
        Assert.Equal(IpFamily.IPv4, header.AgentAddress.Family);
        Assert.Equal("198.51.100.23", header.AgentAddress.ToString());
        Assert.Equal(0x0102_0304u, header.SubAgentId);
        Assert.Equal(0x0A0B_0C0Du, header.SequenceNumber);
        Assert.Equal(0xF0E0_D0C0u, header.UptimeMs);
        Assert.Equal(2u, header.SampleCount);
        Assert.Equal(28, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadHeader_IPv6Agent_ReadsSixteenAddressBytesAndTheFieldsAfter()
    {
        var datagram = new SFlowDatagramBuilder()
            .Agent(Ip("2001:db8:85a3::8a2e:370:7334")).SubAgentId(17).SequenceNumber(18).UptimeMs(19)
            .CounterSample(_ => { })
            .Build();
        var reader = new SFlowDatagramReader(datagram);

        Assert.True(reader.TryReadHeader(out var header));

        Assert.Equal(IpFamily.IPv6, header.AgentAddress.Family);
        Assert.Equal("2001:db8:85a3::8a2e:370:7334", header.AgentAddress.ToString());
        Assert.Equal(17u, header.SubAgentId);
        Assert.Equal(18u, header.SequenceNumber);
        Assert.Equal(19u, header.UptimeMs);
        Assert.Equal(1u, header.SampleCount);
        Assert.Equal(40, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadSample_AfterTheLastSample_ReturnsFalseWithoutError()
    {
        var datagram = new SFlowDatagramBuilder().CounterSample(s => s.SequenceNumber(1)).CounterSample(s => s.SequenceNumber(2)).Build();
        var reader = new SFlowDatagramReader(datagram);
        reader.TryReadHeader(out _);

        Assert.True(reader.TryReadSample(out var first));
        Assert.True(reader.TryReadSample(out var second));
        Assert.False(reader.TryReadSample(out _));
        Assert.False(reader.TryReadSample(out _));

        Assert.Equal(1u, first.Header.SequenceNumber);
        Assert.Equal(2u, second.Header.SequenceNumber);
        Assert.Equal(SFlowError.None, reader.Error);
        Assert.Equal(datagram.Length, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadSample_NoSamples_ReturnsFalseWithoutError()
    {
        var reader = new SFlowDatagramReader(new SFlowDatagramBuilder().Build());
        Assert.True(reader.TryReadHeader(out var header));

        Assert.False(reader.TryReadSample(out _));

        Assert.Equal(0u, header.SampleCount);
        Assert.False(reader.Error.IsError);
    }

    [Fact]
    public void TryReadSample_BeforeTryReadHeader_ThrowsInvalidOperation()
    {
        var datagram = SFlowDatagramCorpus.OvsCounters();

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new SFlowDatagramReader(datagram);
            reader.TryReadSample(out _);
        });
    }

    [Fact]
    public void TryReadHeader_CalledTwice_ThrowsInvalidOperation()
    {
        var datagram = SFlowDatagramCorpus.OvsCounters();

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new SFlowDatagramReader(datagram);
            reader.TryReadHeader(out _);
            reader.TryReadHeader(out _);
        });
    }

    [Fact]
    public void TryReadHeader_CalledTwiceAfterAFailure_StillThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new SFlowDatagramReader([0, 0, 0, 4]);
            reader.TryReadHeader(out _);
            reader.TryReadHeader(out _);
        });
    }

    [Fact]
    public void TryReadSample_AfterFailedHeader_ReturnsFalseAndKeepsTheHeaderError()
    {
        var reader = new SFlowDatagramReader(new SFlowDatagramBuilder().Version(4).Build());
        Assert.False(reader.TryReadHeader(out _));

        Assert.False(reader.TryReadSample(out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.UnsupportedVersion, 0), reader.Error);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void LooksLikeSFlow_CorpusDatagram_True(string name) =>
        Assert.True(SFlowDatagramReader.LooksLikeSFlow(SFlowDatagramCorpus.Build(name)));

    [Fact]
    public void LooksLikeSFlow_OtherVersionOrAddressTypeOrTooShort_False()
    {
        var valid = new SFlowDatagramBuilder().Build();

        Assert.False(SFlowDatagramReader.LooksLikeSFlow(new SFlowDatagramBuilder().Version(4).Build()));
        Assert.False(SFlowDatagramReader.LooksLikeSFlow(new SFlowDatagramBuilder().AgentRaw(3, new byte[16]).Build()));
        Assert.False(SFlowDatagramReader.LooksLikeSFlow(valid.AsSpan(0, 27)));
        Assert.True(SFlowDatagramReader.LooksLikeSFlow(valid));
    }

    public static TheoryData<string> CorpusNames() => [.. SFlowDatagramCorpus.Names];
}
