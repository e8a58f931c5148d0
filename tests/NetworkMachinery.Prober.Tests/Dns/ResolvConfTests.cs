using System.Net;
using NetworkMachinery.Prober.Probes.Dns;
using NetworkMachinery.Prober.Tests.Support.L7;

namespace NetworkMachinery.Prober.Tests.Dns;

public sealed class ResolvConfTests
{
    [Fact]
    public void Parse_KubernetesPodFile_ReadsEverything()
    {
        var conf = ResolvConf.Parse("""
            # written by the kubelet
            nameserver 10.96.0.10
            search default.svc.cluster.local svc.cluster.local cluster.local
            options ndots:5 timeout:2 attempts:3 rotate
            """);

        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.96.0.10"), 53)], conf.Nameservers);
        Assert.Equal(["default.svc.cluster.local", "svc.cluster.local", "cluster.local"], conf.Search);
        Assert.Equal(5, conf.Ndots);
        Assert.Equal(TimeSpan.FromSeconds(2), conf.Timeout);
        Assert.Equal(3, conf.Attempts);
    }

    [Fact]
    public void Parse_Empty_HasGlibcDefaults()
    {
        var conf = ResolvConf.Parse(string.Empty);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 53)], conf.Nameservers);
        Assert.Empty(conf.Search);
        Assert.Equal(1, conf.Ndots);
        Assert.Equal(TimeSpan.FromSeconds(5), conf.Timeout);
        Assert.Equal(2, conf.Attempts);
    }

    [Fact]
    public void Parse_KeepsThreeServersSkipsBadOnesAndClampsOptions()
    {
        var conf = ResolvConf.Parse("""
            nameserver not-an-address
            nameserver 10.0.0.1
            nameserver fd00::53
            ; a comment
            nameserver 10.0.0.2
            nameserver 10.0.0.3
            domain first.example.
            options ndots:99 timeout:0 attempts:9 ndots:bad
            """);

        Assert.Equal(["10.0.0.1", "fd00::53", "10.0.0.2"], conf.Nameservers.Select(s => s.Address.ToString()));
        Assert.Equal(["first.example"], conf.Search);
        Assert.Equal(15, conf.Ndots);
        Assert.Equal(TimeSpan.FromSeconds(1), conf.Timeout);
        Assert.Equal(5, conf.Attempts);
    }

    [Fact]
    public void Parse_LastOfSearchAndDomainWins()
    {
        Assert.Equal(["b.example"], ResolvConf.Parse("search a.example\ndomain b.example\n").Search);
        Assert.Equal(["c.example", "d.example"], ResolvConf.Parse("domain b.example\nsearch c.example d.example # trailing\n").Search);
    }

    [Theory]
    [InlineData("web", 5, "web.ns.svc.test,web.svc.test,web")]
    [InlineData("web.ns", 1, "web.ns,web.ns.ns.svc.test,web.ns.svc.test")]
    [InlineData("web.ns", 2, "web.ns.ns.svc.test,web.ns.svc.test,web.ns")]
    [InlineData("web.ns.", 5, "web.ns")]
    public void CandidateNames_FollowNdotsAndTheSearchList(string name, int ndots, string expected)
    {
        var resolver = new DnsResolver(new HostSockets(), new ResolvConf { Search = ["ns.svc.test", "svc.test"], Ndots = ndots });

        Assert.Equal(expected.Split(','), resolver.CandidateNames(name));
    }
}
