using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes;
using NetworkMachinery.Prober.Probes.Http;
using NetworkMachinery.Prober.Tests.Support.L7;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Http;

/// <summary>
/// The HTTP probe from a client namespace against real Python HTTP and HTTPS servers (self-signed certificate) in a
/// server namespace, a listener that never answers, a closed port, and a destination without a route.
/// </summary>
public sealed class HttpProbeTests : IAsyncLifetime
{
    private const int HttpPort = 8080;
    private const int HttpsPort = 8443;
    private const int SilentPort = 8081;
    private const int ClosedPort = 8082;
    private const string HostName = "web.svc.test";

    private readonly TempDirectory _directory = new();
    private PointToPoint _net = null!;
    private readonly List<IAsyncDisposable> _servers = [];
    private PythonHttpServer _http = null!;
    private Socket _silent = null!;

    public async Task InitializeAsync()
    {
        _net = await PointToPoint.CreateAsync();
        var site = Path.Combine(_directory.Path, "site");
        Directory.CreateDirectory(site);
        await File.WriteAllTextAsync(Path.Combine(site, "index.html"), new string('x', 200_000));
        var tls = SelfSignedCertificate.Write(_directory, HostName, PointToPoint.ServerV4);
        _http = await PythonHttpServer.StartAsync(_net.Server, PointToPoint.ServerV4, HttpPort, site);
        _servers.Add(_http);
        _servers.Add(await PythonHttpServer.StartAsync(_net.Server, PointToPoint.ServerV6, HttpPort, site));
        _servers.Add(await PythonHttpServer.StartAsync(_net.Server, PointToPoint.ServerV4, HttpsPort, site, tls));
        _servers.Add(await Dnsmasq.StartAsync(_net.Server, PointToPoint.ServerV4, _directory.Write("hosts", $"{PointToPoint.ServerV4} {HostName}\n")));

        // Accepts connections (the kernel completes them) and never answers.
        _silent = _net.Server.CreateSocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _silent.Bind(new IPEndPoint(PointToPoint.ServerV4, SilentPort));
        _silent.Listen(8);
    }

    public async Task DisposeAsync()
    {
        _silent?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (_net is not null)
        {
            await _net.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Get_ExistingPath_IsReachableWith200AndPhases()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, HttpPort, Protocol.Http, "/index.html"), count: 2);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(string.Empty, result.ErrorReason);
        Assert.Equal(200u, result.Http.StatusCode);
        Assert.Equal($"http://{PointToPoint.ServerV4}:{HttpPort}/index.html", result.Http.Url);
        Assert.True(result.Http.ConnectNs > 0);
        Assert.True(result.Http.FirstByteNs > 0);
        Assert.Equal(0u, result.Http.TlsNs);
        Assert.Equal(0u, result.Http.DnsNs);
        Assert.Equal(2u, result.Sent);
        Assert.Equal(2u, result.Received);
        Assert.Contains($"host={PointToPoint.ServerV4}:{HttpPort} path=/index.html", _http.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingPath_IsReachableWith404()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, HttpPort, Protocol.Http, "missing"));

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(404u, result.Http.StatusCode);
        Assert.EndsWith("/missing", result.Http.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OverIpv6_IsReachable()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV6, HttpPort, Protocol.Http, "/"));

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(200u, result.Http.StatusCode);
        Assert.Equal($"http://[{PointToPoint.ServerV6}]:{HttpPort}/", result.Http.Url);
    }

    [Fact]
    public async Task Https_SkippingVerification_IsReachableWithATlsPhase()
    {
        var target = Target(PointToPoint.ServerV4, HttpsPort, Protocol.Https, "/");
        target.InsecureSkipTlsVerify = true;

        var result = await ProbeAsync(target);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(200u, result.Http.StatusCode);
        Assert.True(result.Http.TlsNs > 0);
        Assert.StartsWith("https://", result.Http.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_UntrustedCertificate_IsATlsError()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, HttpsPort, Protocol.Https, "/"));

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("TLS handshake failed", result.ErrorReason, StringComparison.Ordinal);
        Assert.Contains("certificate", result.ErrorReason, StringComparison.Ordinal);
        Assert.Equal(0u, result.Http.StatusCode);
        Assert.Equal(0u, result.Received);
    }

    [Fact]
    public async Task Https_AgainstPlainHttp_IsATlsError()
    {
        var target = Target(PointToPoint.ServerV4, HttpPort, Protocol.Https, "/");
        target.InsecureSkipTlsVerify = true;

        var result = await ProbeAsync(target);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("TLS handshake failed", result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPort_IsRefused()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, ClosedPort, Protocol.Http, "/"));

        Assert.Equal(Verdict.Refused, result.Verdict);
        Assert.Equal("connect: connection refused", result.ErrorReason);
    }

    [Fact]
    public async Task SilentServer_IsATimeoutWaitingForTheResponse()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, SilentPort, Protocol.Http, "/"), timeout: TimeSpan.FromMilliseconds(800));

        Assert.Equal(Verdict.Timeout, result.Verdict);
        Assert.Equal("response: no reply within 800ms", result.ErrorReason);
        Assert.True(result.Http.ConnectNs > 0);
    }

    [Fact]
    public async Task NoRoute_IsUnreachable()
    {
        var result = await ProbeAsync(Target(IPAddress.Parse("192.0.2.1"), HttpPort, Protocol.Http, "/"));

        Assert.Equal(Verdict.Unreachable, result.Verdict);
        Assert.Equal("connect: network unreachable", result.ErrorReason);
    }

    [Fact]
    public async Task NameWithoutAddress_IsResolvedWithTheSourcesResolvConf()
    {
        var target = new ProbeResult.Types.Destination
        {
            Kind = ProbeResult.Types.Destination.Types.Kind.Dns,
            Name = HostName,
            Port = HttpPort,
            Protocol = Protocol.Http,
            HttpPath = "/index.html",
        };
        var result = new ProbeResult { Destination = target.Clone() };

        await new HttpProbe().RunAsync(Request(target), result, CancellationToken.None);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(200u, result.Http.StatusCode);
        Assert.True(result.Http.DnsNs > 0);
        Assert.Equal($"http://{HostName}:{HttpPort}/index.html", result.Http.Url);
        Assert.Equal(PointToPoint.ServerV4.ToString(), result.Destination.Address);
        Assert.Contains($"host={HostName}:{HttpPort}", _http.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownName_IsAnErrorFromTheResolver()
    {
        var target = new ProbeResult.Types.Destination
        {
            Kind = ProbeResult.Types.Destination.Types.Kind.Dns,
            Name = "nope.svc.test",
            Port = HttpPort,
            Protocol = Protocol.Http,
        };

        var result = await ProbeAsync(target);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.StartsWith("resolving nope.svc.test: NXDOMAIN", result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TcpDestination_IsRejected()
    {
        var result = await ProbeAsync(Target(PointToPoint.ServerV4, HttpPort, Protocol.Tcp, "/"));

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("HTTP or HTTPS", result.ErrorReason, StringComparison.Ordinal);
    }

    private static ProbeResult.Types.Destination Target(IPAddress address, int port, Protocol protocol, string path) => new()
    {
        Kind = ProbeResult.Types.Destination.Types.Kind.Ip,
        Name = address.ToString(),
        Address = address.ToString(),
        Port = (uint)port,
        Protocol = protocol,
        HttpPath = path,
    };

    private async Task<ProbeResult> ProbeAsync(ProbeResult.Types.Destination target, int count = 1, TimeSpan? timeout = null)
    {
        var result = new ProbeResult();
        var request = Request(target) with { Count = count, Interval = TimeSpan.FromMilliseconds(100), Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        await new HttpProbe().RunAsync(request, result, CancellationToken.None);
        return result;
    }

    private ProbeRequest Request(ProbeResult.Types.Destination target) => new()
    {
        Sockets = _net.ClientSockets,
        Target = target,
        Timeout = TimeSpan.FromSeconds(10),
        ResolvConfPath = _directory.Write("resolv.conf", $"nameserver {PointToPoint.ServerV4}\noptions timeout:2\n"),
    };
}
