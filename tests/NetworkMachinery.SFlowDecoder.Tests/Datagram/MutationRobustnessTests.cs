using System.Buffers;
using System.Text.Json;
using NetworkMachinery.SFlow.Json;
using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>
/// Seeded random damage to valid datagrams: whatever the bytes, decoding finishes without an exception, every walk
/// stays within a step budget set by the datagram's size, and the JSON writer produces valid JSON.
/// </summary>
public class MutationRobustnessTests
{
    private const int Seed = 20_240_611;
    private const int Iterations = 24_000;

    [Fact]
    public void Walk_SeededMutations_NeverThrowAndStayWithinStepBudget()
    {
        var random = new Random(Seed);
        var corpus = SFlowDatagramCorpus.Names.Select(SFlowDatagramCorpus.Build).ToArray();
        var json = new ArrayBufferWriter<byte>();
        int malformed = 0, samples = 0, records = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var datagram = SFlowMutator.Mutate(corpus[i % corpus.Length], random);
            WalkResult walk;
            try
            {
                walk = DatagramWalker.Walk(datagram);
                WriteJson(datagram, json);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Mutation {i} (seed {Seed}) threw on {Convert.ToHexString(datagram)}", e);
            }

            // Each counted step consumes at least 4 bytes of its own (a sample or record header, an AS path segment,
            // a list element, an adapter, a MAC), so a walk can never take more steps than the datagram has words.
            Assert.True(walk.Steps <= (datagram.Length / 4) + 1, $"Mutation {i} took {walk.Steps} steps over {datagram.Length} bytes.");
            malformed += walk.Error.IsError ? 1 : 0;
            samples += walk.Samples;
            records += walk.Records;
        }

        // The mutations must exercise both paths: plenty of damage caught, plenty of data still decoded.
        Assert.InRange(malformed, Iterations / 4, Iterations - (Iterations / 20));
        Assert.True(samples > Iterations / 2, $"only {samples} samples decoded");
        Assert.True(records > Iterations, $"only {records} records decoded");
    }

    private static void WriteJson(byte[] datagram, ArrayBufferWriter<byte> output)
    {
        var reader = new SFlowDatagramReader(datagram);
        if (!reader.TryReadHeader(out var header))
        {
            return;
        }

        using var writer = new Utf8JsonWriter(output);
        while (reader.TryReadSample(out var sample))
        {
            output.ResetWrittenCount();
            writer.Reset(output);
            var ok = SampleJsonWriter.TryWrite(writer, header, sample, out _);
            writer.Flush();
            AssertOneJsonObject(output.WrittenSpan);
            if (!ok)
            {
                return;
            }
        }
    }

    /// <summary>Reads the JSON through; Utf8JsonReader throws on anything malformed.</summary>
    private static void AssertOneJsonObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        reader.Skip();
        Assert.False(reader.Read());
    }
}
