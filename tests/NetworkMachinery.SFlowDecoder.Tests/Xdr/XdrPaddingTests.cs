using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>XDR pads every opaque to four bytes: a reader that forgot would read the next field from the padding.</summary>
public class XdrPaddingTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    [InlineData(3, 8)]
    [InlineData(4, 8)]
    [InlineData(5, 12)]
    public void TryReadVariableOpaque_LengthNotMultipleOfFour_SkipsPaddingToNextField(int length, int consumed)
    {
        var value = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
        var data = new XdrWriter().WriteVariableOpaque(value).WriteUInt32(0xCAFE_F00D).ToArray();
        var reader = new XdrReader(data);

        Assert.True(reader.TryReadVariableOpaque(uint.MaxValue, out var read));

        Assert.Equal(value, read.ToArray());
        Assert.Equal(consumed, reader.BytesConsumed);
        Assert.True(reader.TryReadUInt32(out var next));
        Assert.Equal(0xCAFE_F00Du, next);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void TryReadFixedOpaque_LengthNotMultipleOfFour_SkipsPadding(int length)
    {
        var data = new XdrWriter().WriteFixedOpaque(new byte[length]).WriteUInt32(77).ToArray();
        var reader = new XdrReader(data);

        Assert.True(reader.TryReadFixedOpaque(length, out var read));

        Assert.Equal(length, read.Length);
        Assert.Equal(XdrReader.Align4(length), reader.BytesConsumed);
        Assert.True(reader.TryReadUInt32(out var next));
        Assert.Equal(77u, next);
    }

    [Fact]
    public void TryReadVariableOpaque_PaddingMissingAtEnd_FailsOpaqueLengthOutOfRange()
    {
        // Length 3 with its three bytes but without the padding byte.
        var reader = new XdrReader([0, 0, 0, 3, 1, 2, 3], origin: 60);

        Assert.False(reader.TryReadVariableOpaque(uint.MaxValue, out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, 60), reader.Error);
    }

    [Fact]
    public void TryReadVariableOpaque_LongerThanItsBound_FailsOpaqueLengthOutOfRange()
    {
        var reader = new XdrReader(new XdrWriter().WriteVariableOpaque(new byte[9]).ToArray());

        Assert.False(reader.TryReadVariableOpaque(8, out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, 0), reader.Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void RawPacketHeader_HeaderOfOddLength_NextRecordStillDecodes(int headerLength)
    {
        var header = Enumerable.Repeat((byte)0xAB, headerLength).ToArray();
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 99, 4, header))
                .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(11, 2, 33, 4))))
            .Build();
        var records = RecordDecoding.RecordsOfFirstSample(datagram);

        Assert.True(records.TryReadRecord(out var first));
        Assert.True(first.TryRead<RawPacketHeader>(out var raw, out _));
        Assert.Equal(header, raw.Header.ToArray());
        Assert.True(records.TryReadRecord(out var second));
        Assert.True(second.TryRead<ExtendedSwitch>(out var value, out _));
        Assert.Equal(new ExtendedSwitch(11, 2, 33, 4), value);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("abcde")]
    public void ExtendedUser_NamesOfOddLength_CharsetAfterThePaddingIsRead(string name)
    {
        var encoded = FlowRecordEncoder.ExtendedUser(106, System.Text.Encoding.UTF8.GetBytes(name), 0x0BAD_CAFE, "xyz"u8);

        RecordDecoding.InFlowSample(encoded, record =>
        {
            Assert.True(record.TryRead<ExtendedUser>(out var user, out _));
            Assert.Equal(name, System.Text.Encoding.UTF8.GetString(user.SourceUser));
            Assert.Equal(0x0BAD_CAFEu, user.DestinationCharset);
            Assert.Equal("xyz"u8.ToArray(), user.DestinationUser.ToArray());
        });
    }

    [Fact]
    public void SampledEthernet_MacsOfSixBytes_EachPaddedToEight()
    {
        byte[] data =
        [
            0, 0, 0, 64,
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0, 0,
            0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0, 0,
            0, 0, 0x08, 0x06,
        ];

        var decoded = RecordDecoding.DecodeFlow<SampledEthernet>(new SFlowStructure((uint)FlowRecordFormat.Ethernet, data));

        Assert.Equal(new SampledEthernet(64, Mac("01:02:03:04:05:06"), Mac("0a:0b:0c:0d:0e:0f"), 0x0806), decoded);
        Assert.Equal(data, new XdrWriter().WriteUInt32(64).WriteMac(decoded.SourceMac).WriteMac(decoded.DestinationMac).WriteUInt32(0x0806).ToArray());
    }
}
