using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// <c>netm decode</c> and Wireshark's sFlow dissector, two independent decoders, read the same captured datagrams
/// of a real Open vSwitch and must agree on every sample.
/// </summary>
/// <remarks>
/// tshark 4.0 (Debian 12) does not know counter record 1004 (OpenFlow port) and loses its place after it when the
/// record that follows is short, marking the datagram malformed. For those datagrams the samples tshark did decode
/// must still agree, and our decoder must decode all of them.
/// </remarks>
[Collection(IntegrationTests.Collection)]
public sealed class TsharkCrossCheckTests
{
    [Fact]
    public async Task Decode_OvsCorpus_AgreesWithTsharkOnEverySample()
    {
        var corpus = RepositoryPaths.OvsCorpus;

        var reference = await TsharkDecoder.DecodeAsync(corpus, sflowPort: 6343);
        var (ours, summary) = await NetmDecoder.DecodeAsync(corpus);

        var referenceSamples = reference.SelectMany(d => d.Samples).ToList();
        Assert.True(referenceSamples.Count > 10_000, $"tshark found only {referenceSamples.Count} samples");
        Assert.Contains(referenceSamples, s => s.SampleType == 2);
        foreach (var protocol in new uint[] { 1, 6, 17, 58 })
        {
            Assert.Contains(referenceSamples, s => s.Protocol == protocol && s.SourceAddress is not null);
        }

        Assert.Contains(referenceSamples, s => s.SourcePort is not null);
        Assert.Contains(" 0 malformed", summary, StringComparison.Ordinal);
        Assert.Equal(reference.Count, ours.Count);

        var compared = 0;
        var tsharkGaveUp = 0;
        for (var d = 0; d < reference.Count; d++)
        {
            var (theirs, malformed) = reference[d];
            var mine = ours[d];
            if (malformed)
            {
                tsharkGaveUp++;
                Assert.True(theirs.Count <= mine.Count, $"datagram {d}: tshark found more samples than netm");
            }
            else
            {
                Assert.True(theirs.Count == mine.Count, $"datagram {d}: tshark found {theirs.Count} samples, netm {mine.Count}");
            }

            for (var s = 0; s < theirs.Count; s++)
            {
                Assert.True(theirs[s] == mine[s], $"datagram {d} sample {s} differs:\n  tshark: {theirs[s]}\n  netm:   {mine[s]}");
                compared++;
            }
        }

        // tshark's blind spot must stay an exception, or this test would compare little.
        Assert.True(tsharkGaveUp * 100 < reference.Count, $"tshark gave up on {tsharkGaveUp} of {reference.Count} datagrams");
        var ourSamples = ours.Sum(d => d.Count);
        Assert.True(compared * 100 >= ourSamples * 99, $"compared only {compared} of {ourSamples} samples");
    }
}
