using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// <c>netm decode</c> and Wireshark's sFlow dissector, two independent decoders, read the committed corpus of a real
/// Open vSwitch and must agree on every sample (see <see cref="DecoderAgreement"/> for tshark's one blind spot).
/// </summary>
[Collection(IntegrationTests.Collection)]
public sealed class TsharkCrossCheckTests
{
    [Fact]
    public async Task Decode_OvsCorpus_AgreesWithTsharkOnEverySample()
    {
        var corpus = RepositoryPaths.OvsCorpus;

        var reference = await TsharkDecoder.DecodeAsync(corpus, sflowPort: 6343);
        var (ours, summary) = await NetmDecoder.DecodeAsync(corpus);

        // The corpus must exercise what is compared: every sample type OVS sends and every protocol of the traffic.
        var referenceSamples = reference.SelectMany(d => d.Samples).ToList();
        Assert.True(referenceSamples.Count > 10_000, $"tshark found only {referenceSamples.Count} samples");
        Assert.Contains(referenceSamples, s => s.SampleType == 2);
        foreach (var protocol in new uint[] { 1, 6, 17, 58 })
        {
            Assert.Contains(referenceSamples, s => s.Protocol == protocol && s.SourceAddress is not null);
        }

        Assert.Contains(referenceSamples, s => s.SourcePort is not null);
        Assert.Contains(" 0 malformed", summary, StringComparison.Ordinal);
        DecoderAgreement.AssertAgree(reference, ours);
    }
}
