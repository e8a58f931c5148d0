using System.Text.Json;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.SFlow;
using NetworkMachinery.SFlow.Json;

namespace NetworkMachinery.Netm.Decode;

/// <summary>Decodes every sFlow datagram of a capture into JSON lines, one per sample.</summary>
internal sealed class CaptureDecoder(Stream output, TextWriter diagnostics, int? port)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public DecodeSummary Summary { get; } = new();

    public void Decode(PcapReader capture)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        foreach (var udp in SFlowCapture.ReadDatagrams(capture, port, () => Summary.NonSFlowPackets++))
        {
            Summary.Datagrams++;
            var error = DecodeDatagram(json, udp.Payload.Span);
            if (error.IsError)
            {
                Summary.Malformed++;
                diagnostics.WriteLine($"packet {Summary.Packets}: malformed sFlow datagram from {udp.Source}:{udp.SourcePort}: {error}");
            }
        }
    }

    private SFlowError DecodeDatagram(Utf8JsonWriter json, ReadOnlySpan<byte> payload)
    {
        var reader = new SFlowDatagramReader(payload);
        if (!reader.TryReadHeader(out var header))
        {
            return reader.Error;
        }

        while (reader.TryReadSample(out var sample))
        {
            Summary.Samples++;
            var ok = SampleJsonWriter.TryWrite(json, header, sample, out var error);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
            if (!ok)
            {
                return error;
            }
        }

        return reader.Error;
    }
}
