using NetworkMachinery.Collector.Capture;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Benchmarks.Corpus;

/// <summary>The sFlow datagrams (UDP payloads) of a capture, loaded into memory.</summary>
public static class SFlowCorpus
{
    /// <summary>The committed corpus of real Open vSwitch datagrams, or the capture named by NETM_CORPUS.</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("NETM_CORPUS") is { Length: > 0 } path ? path : Path.Combine(RepositoryRoot(), "testdata", "ovs-sflow.pcap");

    public static byte[][] Load(string path)
    {
        var datagrams = new List<byte[]>();
        using var capture = PcapReader.Open(path);
        while (capture.TryReadPacket(out var packet))
        {
            if (UdpPacketExtractor.TryExtract(packet.LinkType, packet.Data, out var udp) && SFlowDatagramReader.LooksLikeSFlow(udp.Payload.Span))
            {
                datagrams.Add(udp.Payload.ToArray());
            }
        }

        if (datagrams.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no sFlow datagrams");
        }

        return [.. datagrams];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkMachinery.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository root (NetworkMachinery.slnx) above " + AppContext.BaseDirectory);
    }
}
