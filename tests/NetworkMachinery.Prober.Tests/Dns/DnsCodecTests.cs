using System.Net;
using NetworkMachinery.Prober.Probes.Dns;

namespace NetworkMachinery.Prober.Tests.Dns;

public sealed class DnsCodecTests
{
    [Fact]
    public void Write_Query_IsTheWireFormat()
    {
        var query = DnsQueryWriter.Write(0xBEEF, "web.svc.test.", DnsRecordType.Aaaa);

        Assert.Equal(
            Convert.FromHexString("BEEF01000001000000000000" + "03776562" + "03737663" + "0474657374" + "00" + "001C0001"),
            query);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("white space.test")]
    [InlineData("ünicode.test")]
    public void Write_InvalidName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => DnsQueryWriter.Write(1, name, DnsRecordType.A));

    [Fact]
    public void Write_LabelOf64Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => DnsQueryWriter.Write(1, new string('a', 64) + ".test", DnsRecordType.A));

    [Fact]
    public void Read_CompressedCnameChain_GivesTheFinalAddresses()
    {
        // Question alias.test A; answers: alias.test CNAME mid.test, mid.test CNAME web.test, web.test A 10.0.0.7,
        // and an unrelated A record that must not be taken. Names after the first are compression pointers.
        var message = Convert.FromHexString(
            "12348180000100040000000005616C696173047465737400" + "00010001" +
            "C00C000500010000003C0006036D6964C012" +
            "C028000500010000003C000603776562C012" +
            "C03A000100010000003C00040A000007" +
            "036F7468C012000100010000003C00040A000008");

        var response = DnsResponseReader.Read(message);

        Assert.Equal(0x1234, response.Id);
        Assert.Equal(0, response.ResponseCode);
        Assert.False(response.Truncated);
        Assert.Equal("alias.test", response.QuestionName);
        Assert.Equal(DnsRecordType.A, response.QuestionType);
        Assert.Equal("web.test", response.Answers[1].CanonicalName);
        Assert.Equal([IPAddress.Parse("10.0.0.7")], DnsResponseReader.AddressesFor(response.Answers, "alias.test", DnsRecordType.A));
    }

    [Fact]
    public void Read_FlagsGiveRcodeAndTruncation()
    {
        var response = DnsResponseReader.Read(Convert.FromHexString("000183820000000000000000"));

        Assert.Equal(DnsResponseCode.ServerFailure, response.ResponseCode);
        Assert.True(response.Truncated);
        Assert.Equal("SERVFAIL", DnsResponseCode.Name(response.ResponseCode));
    }

    [Theory]
    [InlineData("0001", "shorter than a DNS header")]
    [InlineData("000101000001000000000000", "not a response")]
    [InlineData("000181000001000000000000C00C00010001", "compression pointers loop")]
    [InlineData("00018100000100000000000005616C69", "label runs past the end")]
    [InlineData("00018100000000010000000000000100010000003C0004", "data of 4 bytes runs past the end")]
    [InlineData("00018100000000010000000000000100010000003C00020A00", "A record with 2 bytes")]
    public void Read_Malformed_ThrowsWithWhere(string hex, string expected)
    {
        var error = Assert.Throws<DnsFormatException>(() => DnsResponseReader.Read(Convert.FromHexString(hex)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
