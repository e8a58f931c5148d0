using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class XdrReaderTests
{
    [Fact]
    public void TryReadUInt32_BigEndianWord_ReadsValueAndAdvances()
    {
        var reader = new XdrReader([0x01, 0x02, 0x03, 0x04, 0xFF]);

        Assert.True(reader.TryReadUInt32(out var value));

        Assert.Equal(0x0102_0304u, value);
        Assert.Equal(4, reader.BytesConsumed);
        Assert.Equal(1, reader.Remaining);
    }

    [Fact]
    public void TryReadUInt32_ThreeBytesLeft_FailsTruncatedAtOriginPlusPosition()
    {
        var reader = new XdrReader([0, 0, 0, 1, 9, 9, 9], origin: 100);
        Assert.True(reader.TryReadUInt32(out _));

        Assert.False(reader.TryReadUInt32(out var value));

        Assert.Equal(0u, value);
        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, 104), reader.Error);
        Assert.Equal(4, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadUInt32_CutShortWithConfiguredEndOfDataCode_FailsWithThatCode()
    {
        var reader = new XdrReader(new byte[3], origin: 8, endOfDataCode: SFlowErrorCode.RecordTooShort);

        Assert.False(reader.TryReadUInt32(out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, 8), reader.Error);
    }

    [Fact]
    public void Fail_AfterAnEarlierError_KeepsTheFirstError()
    {
        var reader = new XdrReader(new byte[8], origin: 10);
        reader.TryReadUInt32(out _);

        Assert.False(reader.Fail(SFlowErrorCode.CountOutOfRange));
        Assert.False(reader.FailAt(SFlowErrorCode.OpaqueLengthOutOfRange, 99));

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, 14), reader.Error);
        Assert.True(reader.HasError);
    }

    [Fact]
    public void TryReadCount_CountFitsInRemainingBytes_ReturnsCount()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(2).WriteUInt32s(7, 8).ToArray());

        Assert.True(reader.TryReadCount(4, out var count));

        Assert.Equal(2u, count);
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(0x4000_0000u)]
    [InlineData(uint.MaxValue)]
    public void TryReadCount_CountTooLargeForRemainingBytes_FailsCountOutOfRangeAtTheCountWord(uint count)
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(0).WriteUInt32(count).WriteUInt32s(7, 8).ToArray(), origin: 40);
        reader.TryReadUInt32(out _);

        Assert.False(reader.TryReadCount(4, out var read));

        Assert.Equal(0u, read);
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, 44), reader.Error);
    }

    [Fact]
    public void TryReadAddress_TypeOne_ReadsIPv4()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(1).WriteRaw([192, 0, 2, 7]).ToArray());

        Assert.True(reader.TryReadAddress(out var address));

        Assert.Equal(Ip("192.0.2.7"), address);
        Assert.Equal(8, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadAddress_TypeTwo_ReadsIPv6()
    {
        var reader = new XdrReader(new XdrWriter().WriteAddress(Ip("2001:db8::7")).ToArray());

        Assert.True(reader.TryReadAddress(out var address));

        Assert.Equal("2001:db8::7", address.ToString());
        Assert.Equal(20, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadAddress_TypeZero_ReadsAbsentAddressOfNoBytes()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(0).WriteUInt32(0xABCD).ToArray());

        Assert.True(reader.TryReadAddress(out var address));

        Assert.True(address.IsNone);
        Assert.Equal(4, reader.BytesConsumed);
    }

    [Fact]
    public void TryReadAddress_TypeThree_FailsUnknownAddressTypeAtTheTypeWord()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(3).WriteRaw(new byte[16]).ToArray(), origin: 4);

        Assert.False(reader.TryReadAddress(out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.UnknownAddressType, 4), reader.Error);
    }

    [Fact]
    public void TryReadAddress_IPv6CutShort_FailsTruncated()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(2).WriteRaw(new byte[15]).ToArray());

        Assert.False(reader.TryReadAddress(out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, 4), reader.Error);
    }

    [Fact]
    public void TryTakePadded_LengthFits_ReturnsExactlyTheBytesAndSkipsThePadding()
    {
        var data = new XdrWriter().WriteUInt32(5).WriteFixedOpaque([1, 2, 3, 4, 5]).WriteUInt32(0xEEEE).ToArray();
        var reader = new XdrReader(data, origin: 20);
        Assert.True(reader.TryReadUInt32(out var length));

        Assert.True(reader.TryTakePadded(length, out var bytes));

        Assert.Equal([1, 2, 3, 4, 5], bytes.ToArray());
        Assert.Equal(12, reader.BytesConsumed); // 4 length bytes, 5 data bytes, 3 padding
        Assert.True(reader.TryReadUInt32(out var next));
        Assert.Equal(0xEEEEu, next);
    }

    [Theory]
    [InlineData(9u)]
    [InlineData(0xFFFF_FFFDu)]
    [InlineData(uint.MaxValue)]
    public void TryTakePadded_LengthPastEnd_FailsWithoutRecordingAnErrorAndWithoutMoving(uint declared)
    {
        var reader = new XdrReader(new byte[8], origin: 100);

        Assert.False(reader.TryTakePadded(declared, out var bytes));

        Assert.True(bytes.IsEmpty);
        Assert.False(reader.HasError);
        Assert.Equal(0, reader.BytesConsumed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-6)]
    [InlineData(int.MaxValue)]
    public void TryReadFixedOpaque_NegativeOrHugeLength_FailsWithoutThrowing(int length)
    {
        var reader = new XdrReader(new byte[12]);
        reader.TryReadUInt32(out _);

        Assert.False(reader.TryReadFixedOpaque(length, out var value));

        Assert.True(value.IsEmpty);
        Assert.Equal(4, reader.BytesConsumed);
        Assert.Equal(SFlowErrorCode.Truncated, reader.Error.Code);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(7, 8)]
    public void Align4_Int_RoundsUp(int length, int expected) => Assert.Equal(expected, XdrReader.Align4(length));

    [Fact]
    public void Align4_UIntMaxValue_DoesNotOverflow() => Assert.Equal(0x1_0000_0000ul, XdrReader.Align4(uint.MaxValue));
}
