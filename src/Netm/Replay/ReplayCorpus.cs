using NetworkMachinery.Collector.Capture;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Netm.Replay;

/// <summary>
/// The sFlow datagrams of a capture (the UDP payloads, unchanged), held back to back in one buffer so that
/// <c>sendmmsg</c> can point straight at them and the send loop never copies or allocates.
/// </summary>
internal sealed class ReplayCorpus
{
    private readonly ReplayDatagram[] _datagrams;

    private ReplayCorpus(byte[] data, ReplayDatagram[] datagrams, long skippedPackets)
    {
        Data = data;
        _datagrams = datagrams;
        SkippedPackets = skippedPackets;
    }

    /// <summary>Every datagram, back to back.</summary>
    public byte[] Data { get; }

    /// <summary>Number of datagrams.</summary>
    public int Count => _datagrams.Length;

    /// <summary>Sum of the datagrams' lengths.</summary>
    public long TotalBytes => Data.Length;

    /// <summary>Packets of the capture that were not UDP datagrams that look like sFlow v5.</summary>
    public long SkippedPackets { get; }

    /// <summary>Datagram <paramref name="index"/>.</summary>
    public ref readonly ReplayDatagram this[int index] => ref _datagrams[index];

    /// <summary>The bytes of datagram <paramref name="index"/>.</summary>
    public Span<byte> Bytes(int index) => Data.AsSpan(_datagrams[index].Offset, _datagrams[index].Length);

    /// <summary>Reads every UDP payload of the capture that looks like an sFlow v5 datagram.</summary>
    /// <exception cref="PcapFormatException">The file is not a capture or is damaged.</exception>
    public static ReplayCorpus Load(string path)
    {
        using var capture = PcapReader.Open(path);
        var bytes = new MemoryStream();
        var datagrams = new List<ReplayDatagram>();
        long skipped = 0;
        foreach (var udp in SFlowCapture.ReadDatagrams(capture, skipped: () => skipped++))
        {
            var (flows, counters) = CountSamples(udp.Payload.Span);
            datagrams.Add(new ReplayDatagram((int)bytes.Length, udp.Payload.Length, flows, counters));
            bytes.Write(udp.Payload.Span);
        }

        return new ReplayCorpus(bytes.ToArray(), [.. datagrams], skipped);
    }

    /// <summary>Counts the samples a collector can decode: those before the first error of a malformed datagram.</summary>
    private static (int Flows, int Counters) CountSamples(ReadOnlySpan<byte> datagram)
    {
        var flows = 0;
        var counters = 0;
        var reader = new SFlowDatagramReader(datagram);
        if (reader.TryReadHeader(out _))
        {
            while (reader.TryReadSample(out var sample))
            {
                switch (sample.Header.Type)
                {
                    case SFlowSampleType.Flow or SFlowSampleType.ExpandedFlow:
                        flows++;
                        break;
                    case SFlowSampleType.Counters or SFlowSampleType.ExpandedCounters:
                        counters++;
                        break;
                }
            }
        }

        return (flows, counters);
    }
}
