using System.Buffers;
using System.Text.Json;
using NetworkMachinery.SFlow.Json;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Runs <see cref="SampleJsonWriter"/> over every sample of a datagram and parses what it wrote.</summary>
internal static class JsonSamples
{
    /// <summary>One written sample: the parsed object, whether the writer reported success, and its error.</summary>
    public sealed record Written(JsonElement Json, bool Ok, SFlowError Error);

    public static List<Written> Write(byte[] datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        Assert.True(reader.TryReadHeader(out var header), reader.Error.ToString());
        var written = new List<Written>();
        while (reader.TryReadSample(out var sample))
        {
            var buffer = new ArrayBufferWriter<byte>();
            bool ok;
            SFlowError error;
            using (var writer = new Utf8JsonWriter(buffer))
            {
                ok = SampleJsonWriter.TryWrite(writer, header, sample, out error);
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            written.Add(new Written(document.RootElement.Clone(), ok, error));
        }

        Assert.False(reader.Error.IsError, reader.Error.ToString());
        return written;
    }

    public static JsonElement Single(byte[] datagram)
    {
        var written = Assert.Single(Write(datagram));
        Assert.True(written.Ok, written.Error.ToString());
        return written.Json;
    }
}
