using System.Net;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>
/// A real dnsmasq serving the names of a hosts file from one address of a test namespace, port 53, authoritative for
/// <c>test</c> (unknown names there are NXDOMAIN; names elsewhere are REFUSED: it has no upstream). Stopped by PID on
/// dispose.
/// </summary>
internal sealed class Dnsmasq : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly BackgroundProcess _process;

    private Dnsmasq(BackgroundProcess process) => _process = process;

    public static async Task<Dnsmasq> StartAsync(
        NetworkNamespace ns, IPAddress listen, string hostsFile, IEnumerable<(string Alias, string Target)>? cnames = null)
    {
        List<string> arguments =
        [
            "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--pid-file=",
            $"--addn-hosts={hostsFile}", $"--listen-address={listen}", "--bind-interfaces", "--port=53",
            "--local=/test/", "--user=root", "--log-facility=-", "--log-queries",
        ];
        arguments.AddRange((cnames ?? []).Select(c => $"--cname={c.Alias},{c.Target}"));
        var process = ns.Start("dnsmasq", arguments);
        try
        {
            await process.WaitForOutputAsync($"read {hostsFile}", StartTimeout);
            return new Dnsmasq(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>What dnsmasq logged so far (one line per query with --log-queries).</summary>
    public string Log => _process.StandardError + _process.StandardOutput;

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
