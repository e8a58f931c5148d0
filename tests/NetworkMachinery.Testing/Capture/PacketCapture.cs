using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Capture;

/// <summary>
/// tcpdump writing a pcap file: started and stopped by its PID, and ready (the filter installed, packets being
/// captured) by the time <see cref="StartAsync"/> returns.
/// </summary>
public sealed class PacketCapture : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly BackgroundProcess _tcpdump;

    private PacketCapture(BackgroundProcess tcpdump, string outputPath)
    {
        _tcpdump = tcpdump;
        OutputPath = outputPath;
    }

    /// <summary>The pcap file being written.</summary>
    public string OutputPath { get; }

    /// <summary>
    /// Starts capturing packets that match <paramref name="filter"/> (BPF, e.g. <c>udp dst port 6343</c>) on
    /// <paramref name="interfaceName"/>, in <paramref name="ns"/> or else in the host namespace.
    /// </summary>
    public static async Task<PacketCapture> StartAsync(
        string outputPath, string filter, NetworkNamespace? ns = null, string interfaceName = "lo", CancellationToken cancellationToken = default)
    {
        // -U writes each packet through, -Z root keeps tcpdump from dropping to a user that cannot write the file,
        // -n avoids name lookups.
        string[] arguments = ["-i", interfaceName, "-n", "-U", "-Z", "root", "-w", outputPath, filter];
        var tcpdump = ns is null ? BackgroundProcess.Start("tcpdump", arguments) : ns.Start("tcpdump", arguments);
        try
        {
            // tcpdump prints this once the capture is active and the filter is attached.
            await tcpdump.WaitForOutputAsync("listening on", StartTimeout, cancellationToken);
            return new PacketCapture(tcpdump, outputPath);
        }
        catch
        {
            await tcpdump.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops tcpdump with SIGINT, which makes it flush the file, and returns the file's path.</summary>
    /// <exception cref="ProcessFailedException">tcpdump failed.</exception>
    public async Task<string> StopAsync()
    {
        var result = await _tcpdump.StopAsync(UnixSignal.Interrupt, StopGrace);
        if (!result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }

        return OutputPath;
    }

    /// <summary>Stops tcpdump if it still runs; the file stays.</summary>
    public ValueTask DisposeAsync() => _tcpdump.DisposeAsync();
}
