using System.Net;
using Google.Protobuf;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Operator.Tests.Filters;

public sealed class FlowFilterTests
{
    private static FlowFields Record(string src, string dst, uint proto, uint dstPort, ulong srcMac = 0x0242ac110002)
    {
        var fields = default(FlowFields);
        fields.Load(new FlowMessage
        {
            SrcAddr = ByteString.CopyFrom(IPAddress.Parse(src).GetAddressBytes()),
            DstAddr = ByteString.CopyFrom(IPAddress.Parse(dst).GetAddressBytes()),
            Proto = proto,
            DstPort = dstPort,
            SrcPort = 40000,
            SrcMac = srcMac,
            Etype = src.Contains(':', StringComparison.Ordinal) ? 0x86ddU : 0x0800U,
        });
        return fields;
    }

    [Theory]
    [InlineData("proto == tcp", true)]
    [InlineData("proto = 6", true)]
    [InlineData("proto=6&dstPort=443", true)]
    [InlineData("proto != 6", false)]
    [InlineData("dstPort >= 443 and dstPort <= 443", true)]
    [InlineData("dstPort > 443 || dstPort < 443", false)]
    [InlineData("dstPort in [80, 443]", true)]
    [InlineData("dstPort not in (80, 443)", false)]
    [InlineData("srcAddr in 10.0.0.0/8", true)]
    [InlineData("srcAddr in 10.0.0.0/32", false)]
    [InlineData("srcAddr in 0.0.0.0/0", true)]
    [InlineData("srcAddr in ::/0", true)]
    [InlineData("srcAddr in fd00::/8", false)]
    [InlineData("dstAddr == 10.1.0.1", true)]
    [InlineData("srcMac == 02:42:ac:11:00:02", true)]
    [InlineData("etype == ipv4 and not (proto == udp or dstPort == 53)", true)]
    [InlineData("proto == udp or proto == tcp and dstPort == 443", true)]
    [InlineData("(proto == udp or proto == tcp) and dstPort == 80", false)]
    [InlineData("! proto == tcp", false)]
    [InlineData("PROTO == tcp", false)]
    public void Matches_IPv4Record(string text, bool expected)
    {
        if (!FlowFilter.TryParse(text, out var filter, out var error))
        {
            // Field names are case-sensitive: PROTO is refused, which the expectation false stands for here.
            Assert.False(expected, error);
            return;
        }

        Assert.Equal(expected, filter.Matches(Record("10.0.0.1", "10.1.0.1", 6, 443)));
    }

    [Fact]
    public void Matches_IPv6Prefix_AndIPv4PrefixesDoNotMatchIt()
    {
        var record = Record("fd00::5", "fd01::1", 17, 53);
        Assert.True(FlowFilter.TryParse("srcAddr in fd00::/16 and etype == ipv6", out var v6, out _));
        Assert.True(FlowFilter.TryParse("srcAddr in 0.0.0.0/0", out var anyV4, out _));

        Assert.True(v6.Matches(record));
        Assert.False(anyV4.Matches(record));
    }

    [Theory]
    [InlineData("dstPort == 443", "DstPort", true, 1)]
    [InlineData("dstPort in (80, 443)", "DstPort", true, 2)]
    [InlineData("proto == tcp and dstPort == 443", "DstPort", false, 1)]
    [InlineData("proto == tcp and srcAddr in 10.0.0.0/8", "SrcAddr", false, 1)]
    [InlineData("dstPort == 80 or dstPort == 443", "DstPort", true, 2)]
    public void Guard_IsTheMostSelectiveNecessaryTest(string text, string field, bool whole, int values)
    {
        Assert.True(FlowFilter.TryParse(text, out var filter, out _));

        var guard = Assert.IsType<FilterGuard>(filter.Guard);
        Assert.Equal(Enum.Parse<FilterField>(field), guard.Field);
        Assert.Equal(whole, guard.Whole);
        Assert.Equal(values, guard.Prefixes.Count);
    }

    [Theory]
    [InlineData("not dstPort == 443")]
    [InlineData("dstPort == 443 or proto == udp")]
    [InlineData("tos > 0")]
    public void Guard_NoneWhenNoTestIsNecessary(string text)
    {
        Assert.True(FlowFilter.TryParse(text, out var filter, out _));

        Assert.Null(filter.Guard);
    }

    [Theory]
    [InlineData("", "the filter is empty")]
    [InlineData("proto ==", "at 9: expected a value for proto, found the end of the filter")]
    [InlineData("proto == tcp and", "at 17: expected a field")]
    [InlineData("proto == tcp dstPort == 1", "at 14: expected and, or or the end of the filter, found \"dstPort\"")]
    [InlineData("dstPort in (80 443)", "at 16: expected ')' to close the list at 12 (values are separated by commas)")]
    [InlineData("etype == tcp", "\"tcp\" names a value of proto, not of etype")]
    [InlineData("srcMac == 02:42", "is not a MAC address for srcMac")]
    [InlineData("srcAddr in 10.0.0.0/33", "use /0 to /32 after an IPv4 address")]
    [InlineData("srcAddr == 010.0.0.1", "is not an address for srcAddr")]
    [InlineData("proto ~ 6", "'~' is not part of the filter language")]
    public void TryParse_Refuses_SayingWhereAndHow(string text, string fragment)
    {
        Assert.False(FlowFilter.TryParse(text, out _, out var error));

        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DeepNesting_IsRefusedNotAStackOverflow()
    {
        Assert.False(FlowFilter.TryParse(new string('(', 10_000) + "proto == 6" + new string(')', 10_000), out _, out var error));

        Assert.Contains("nests deeper than 64 levels", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_IgnoresSpacing()
    {
        Assert.True(FlowFilter.TryParse("proto==6  and dstPort==443", out var a, out _));
        Assert.True(FlowFilter.TryParse("proto == 6 and dstPort == 443", out var b, out _));

        Assert.Equal(a.Canonical, b.Canonical);
    }
}
