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
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(3);

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
        // --immediate-mode hands each packet to tcpdump as it arrives and -U writes it through at once, so the file is
        // complete at any moment; a 32 MiB buffer (-B, in KiB) absorbs bursts that the default 2 MiB drops;
        // -Z root keeps tcpdump from dropping to a user that cannot write the file.
        string[] arguments = ["-i", interfaceName, "-n", "--immediate-mode", "-B", "32768", "-U", "-Z", "root", "-w", outputPath, filter];
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

    /// <summary>
    /// Waits until the file stops growing (packets still on their way get written), then stops tcpdump with SIGINT,
    /// which makes it flush and close the file, and returns the file's path.
    /// </summary>
    /// <exception cref="ProcessFailedException">tcpdump failed.</exception>
    public async Task<string> StopAsync()
    {
        // On SIGINT tcpdump stops reading: packets the kernel still holds for it would be lost.
        var deadline = DateTime.UtcNow + MaxSettle;
        long length;
        do
        {
            length = FileLength();
            await Task.Delay(QuietPeriod);
        }
        while (FileLength() != length && DateTime.UtcNow < deadline);

        var result = await _tcpdump.StopAsync(UnixSignal.Interrupt, StopGrace);
        if (!result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }

        return OutputPath;
    }

    /// <summary>Stops tcpdump if it still runs; the file stays.</summary>
    public ValueTask DisposeAsync() => _tcpdump.DisposeAsync();

    private long FileLength() => File.Exists(OutputPath) ? new FileInfo(OutputPath).Length : 0;
}
