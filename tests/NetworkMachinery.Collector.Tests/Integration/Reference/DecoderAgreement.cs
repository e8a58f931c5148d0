namespace NetworkMachinery.Collector.Tests.Integration.Reference;

/// <summary>Compares what tshark and <c>netm decode</c> made of the same capture, datagram by datagram, sample by sample.</summary>
internal static class DecoderAgreement
{
    /// <summary>
    /// Asserts that the two agree on every sample tshark decoded. tshark 4.0 does not know counter record 1004
    /// (OpenFlow port) and, depending on what follows it, loses its place inside that counter sample and marks the
    /// datagram malformed; the samples after it are then missing on tshark's side only. Returns the number of samples compared.
    /// </summary>
    public static int AssertAgree(List<(List<DecodedSample> Samples, bool Malformed)> reference, List<List<DecodedSample>> ours)
    {
        Assert.Equal(reference.Count, ours.Count);
        var compared = 0;
        var comparedFlows = 0;
        for (var d = 0; d < reference.Count; d++)
        {
            var (theirs, malformed) = reference[d];
            var mine = ours[d];
            if (malformed)
            {
                Assert.True(theirs.Count is > 0 && theirs.Count <= mine.Count, $"datagram {d}: tshark found {theirs.Count} samples, netm {mine.Count}");
                Assert.True(mine[theirs.Count - 1].SampleType is 2 or 4, $"datagram {d}: tshark gave up in a sample that is not a counter sample");
            }
            else
            {
                Assert.True(theirs.Count == mine.Count, $"datagram {d}: tshark found {theirs.Count} samples, netm {mine.Count}");
            }

            for (var s = 0; s < theirs.Count; s++)
            {
                Assert.True(theirs[s] == mine[s], $"datagram {d} sample {s} differs:\n  tshark: {theirs[s]}\n  netm:   {mine[s]}");
                compared++;
                comparedFlows += mine[s].SampleType is 1 or 3 ? 1 : 0;
            }
        }

        // The blind spot must stay small, or this comparison would say little about flow samples.
        var ourFlows = ours.Sum(d => d.Count(s => s.SampleType is 1 or 3));
        Assert.True(comparedFlows * 100 >= ourFlows * 95, $"compared only {comparedFlows} of {ourFlows} flow samples");
        return compared;
    }
}
