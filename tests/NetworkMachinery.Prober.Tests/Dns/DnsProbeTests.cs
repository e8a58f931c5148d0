using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes;
using NetworkMachinery.Prober.Probes.Dns;
using NetworkMachinery.Prober.Tests.Support.L7;

namespace NetworkMachinery.Prober.Tests.Dns;

/// <summary>
/// The DNS probe from inside a client namespace against a real dnsmasq in a server namespace, with resolv.conf files
/// written for each case.
/// </summary>
public sealed class DnsProbeTests : IAsyncLifetime
{
    private static readonly IPAddress Silent = IPAddress.Parse("10.53.0.3");
    private static readonly IPAddress Closed = IPAddress.Parse("10.53.0.4");

    private readonly TempDirectory _directory = new();
    private PointToPoint _net = null!;
    private Dnsmasq _dnsmasq = null!;
    private Socket _silentServer = null!;

    public async Task InitializeAsync()
    {
        _net = await PointToPoint.CreateAsync(Silent, Closed);
        var hosts = string.Join('\n', [
            "10.1.1.1 web.svc.test",
            "fd00::1 web.svc.test",
            "10.1.1.2 db.svc.test",
            .. Enumerable.Range(1, 60).Select(i => $"10.2.0.{i} big.svc.test"),
        ]) + "\n";
        _dnsmasq = await Dnsmasq.StartAsync(_net.Server, PointToPoint.ServerV4, _directory.Write("hosts", hosts), [("alias.svc.test", "web.svc.test")]);

        // A server that takes queries and never answers: a bound socket nobody reads.
        _silentServer = _net.Server.CreateSocket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _silentServer.Bind(new IPEndPoint(Silent, 53));
    }

    public async Task DisposeAsync()
    {
        _silentServer?.Dispose();
        if (_dnsmasq is not null)
        {
            await _dnsmasq.DisposeAsync();
        }

        if (_net is not null)
        {
            await _net.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Name_InHostsFile_IsReachableWithItsAddresses()
    {
        var result = await ProbeAsync("web.svc.test", $"nameserver {PointToPoint.ServerV4}\n", count: 2);

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal(string.Empty, result.ErrorReason);
        Assert.Equal(["10.1.1.1", "fd00::1"], result.Dns.Answers);
        Assert.Equal("web.svc.test", result.Dns.Query);
        Assert.Equal($"{PointToPoint.ServerV4}:53", result.Dns.Server);
        Assert.Equal(0u, result.Dns.Rcode);
        Assert.Equal(2u, result.Sent);
        Assert.Equal(2u, result.Received);
        Assert.True(result.RttMinNs > 0);
    }

    [Fact]
    public async Task ShortName_IsTriedWithTheSearchList()
    {
        var result = await ProbeAsync("db", $"nameserver {PointToPoint.ServerV4}\nsearch other.test svc.test\noptions ndots:5\n");

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal("db.svc.test", result.Dns.Query);
        Assert.Equal(["10.1.1.2"], result.Dns.Answers);
        Assert.Contains("query[A] db.other.test", _dnsmasq.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_FollowsTheCnameChain()
    {
        var result = await ProbeAsync("alias.svc.test", $"nameserver {PointToPoint.ServerV4}\n");

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal(["10.1.1.1", "fd00::1"], result.Dns.Answers);
    }

    [Fact]
    public async Task TruncatedAnswer_IsAskedAgainOverTcp()
    {
        var result = await ProbeAsync("big.svc.test", $"nameserver {PointToPoint.ServerV4}\n");

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal(60, result.Dns.Answers.Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"10.2.0.{i}").Order(), result.Dns.Answers.Order());
    }

    [Fact]
    public async Task UnknownName_IsAnErrorWithNxdomain()
    {
        var result = await ProbeAsync("nope.svc.test", $"nameserver {PointToPoint.ServerV4}\n");

        Assert.Equal(ProbeResult.Types.Verdict.Error, result.Verdict);
        Assert.Equal(3u, result.Dns.Rcode);
        Assert.Contains("NXDOMAIN", result.ErrorReason, StringComparison.Ordinal);
        Assert.Contains("nope.svc.test", result.ErrorReason, StringComparison.Ordinal);
        Assert.Empty(result.Dns.Answers);
        Assert.Equal(1u, result.Received);
    }

    [Fact]
    public async Task RefusedQuery_IsAnErrorNamingTheCode()
    {
        var result = await ProbeAsync("www.example.org", $"nameserver {PointToPoint.ServerV4}\n");

        Assert.Equal(ProbeResult.Types.Verdict.Error, result.Verdict);
        Assert.Equal(5u, result.Dns.Rcode);
        Assert.Contains("REFUSED", result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerWithoutListener_IsSkippedForTheNext()
    {
        var result = await ProbeAsync("web.svc.test", $"nameserver {Closed}\nnameserver {PointToPoint.ServerV4}\noptions timeout:3 attempts:1\n");

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal($"{PointToPoint.ServerV4}:53", result.Dns.Server);
    }

    [Fact]
    public async Task SilentServer_IsSkippedAfterTheTimeout()
    {
        var result = await ProbeAsync("web.svc.test", $"nameserver {Silent}\nnameserver {PointToPoint.ServerV4}\noptions timeout:1 attempts:1\n");

        Assert.Equal(ProbeResult.Types.Verdict.Reachable, result.Verdict);
        Assert.Equal($"{PointToPoint.ServerV4}:53", result.Dns.Server);
        Assert.True(result.RttMinNs >= 900_000_000, $"the lookup took {result.RttMinNs} ns, less than the silent server's timeout");
    }

    [Fact]
    public async Task NoServerAnswering_IsATimeout()
    {
        var result = await ProbeAsync("web.svc.test", $"nameserver {Silent}\noptions timeout:1 attempts:2\n");

        Assert.Equal(ProbeResult.Types.Verdict.Timeout, result.Verdict);
        Assert.Contains($"{Silent}:53 no reply within 1s", result.ErrorReason, StringComparison.Ordinal);
        Assert.Equal(1u, result.Sent);
        Assert.Equal(0u, result.Received);
        Assert.Equal(100.0, result.LossPercent);
    }

    [Fact]
    public async Task NoServerReachable_IsAnErrorSayingWhy()
    {
        var result = await ProbeAsync("web.svc.test", $"nameserver {Closed}\noptions timeout:3 attempts:1\n");

        Assert.Equal(ProbeResult.Types.Verdict.Error, result.Verdict);
        Assert.Contains("no DNS server reachable", result.ErrorReason, StringComparison.Ordinal);
        Assert.Contains("connection refused", result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingResolvConf_IsAnError()
    {
        var result = new ProbeResult();
        var request = Request("web.svc.test", Path.Combine(_directory.Path, "absent.conf"));

        await new DnsProbe().RunAsync(request, result, CancellationToken.None);

        Assert.Equal(ProbeResult.Types.Verdict.Error, result.Verdict);
        Assert.Contains("absent.conf", result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolver_FromTheSameNamespace_ResolvesForOtherProbes()
    {
        var resolver = new DnsResolver(_net.ClientSockets, ResolvConf.Parse($"nameserver {PointToPoint.ServerV6}\nnameserver {PointToPoint.ServerV4}\noptions timeout:2\n"));

        var lookup = await resolver.LookupAsync("web.svc.test.", CancellationToken.None);

        // dnsmasq listens on the IPv4 address only: the IPv6 server refuses at once.
        Assert.Equal([IPAddress.Parse("10.1.1.1"), IPAddress.Parse("fd00::1")], lookup.Addresses);
        Assert.Equal($"{PointToPoint.ServerV4}:53", lookup.Server);
    }

    [Fact]
    public void Type_IsDns() => Assert.Equal(ProbeResult.Types.ProbeType.Dns, new DnsProbe().Type);

    private async Task<ProbeResult> ProbeAsync(string name, string resolvConf, int count = 1)
    {
        var result = new ProbeResult();
        var request = Request(name, _directory.Write($"resolv-{Guid.NewGuid():N}.conf", resolvConf)) with { Count = count, Interval = TimeSpan.FromMilliseconds(100) };
        await new DnsProbe().RunAsync(request, result, CancellationToken.None);
        return result;
    }

    private ProbeRequest Request(string name, string resolvConfPath) => new()
    {
        Sockets = _net.ClientSockets,
        Target = new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Dns, Name = name },
        ResolvConfPath = resolvConfPath,
    };
}
