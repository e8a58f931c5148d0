using System.Buffers.Binary;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Netm.Replay;

/// <summary>
/// Rewrites the datagram sequence number of each datagram just before it is sent, so that every
/// (agent address, sub-agent id) stream stays contiguous however many times the corpus is looped:
/// a collector's sequence-gap accounting then counts only datagrams really lost on the way.
/// Nothing else in the datagram changes (sample sequence numbers and uptime still go back once per loop).
/// </summary>
internal sealed class SequenceRenumberer
{
    private const int NotRenumbered = -1;

    // Offset of the sequence field: version, address type and address, then the sub-agent id.
    private const int SequenceOffsetIPv4 = 4 + 4 + 4 + 4;
    private const int SequenceOffsetIPv6 = 4 + 4 + 16 + 4;

    private readonly ReplayCorpus _corpus;
    private readonly int[] _streamOf;
    private readonly int[] _sequenceOffsetOf;
    private readonly uint[] _lastSequence;

    private SequenceRenumberer(ReplayCorpus corpus, int[] streamOf, int[] sequenceOffsetOf, uint[] lastSequence)
    {
        _corpus = corpus;
        _streamOf = streamOf;
        _sequenceOffsetOf = sequenceOffsetOf;
        _lastSequence = lastSequence;
    }

    /// <summary>Number of (agent, sub-agent) streams in the corpus.</summary>
    public int Streams => _lastSequence.Length;

    /// <summary>
    /// Finds the streams of <paramref name="corpus"/>. Each stream continues from the sequence number of its first
    /// datagram in the corpus, so the first loop also closes any gap the capture itself had.
    /// </summary>
    public static SequenceRenumberer Create(ReplayCorpus corpus)
    {
        var streams = new Dictionary<(IpAddressValue Agent, uint SubAgent), int>();
        var lastSequence = new List<uint>();
        var streamOf = new int[corpus.Count];
        var sequenceOffsetOf = new int[corpus.Count];
        for (var i = 0; i < corpus.Count; i++)
        {
            var reader = new SFlowDatagramReader(corpus.Bytes(i));
            if (!reader.TryReadHeader(out var header))
            {
                // A datagram whose header does not decode is replayed as it is: it belongs to no stream.
                streamOf[i] = NotRenumbered;
                continue;
            }

            if (!streams.TryGetValue((header.AgentAddress, header.SubAgentId), out var stream))
            {
                stream = lastSequence.Count;
                streams.Add((header.AgentAddress, header.SubAgentId), stream);
                lastSequence.Add(unchecked(header.SequenceNumber - 1));
            }

            streamOf[i] = stream;
            sequenceOffsetOf[i] = corpus[i].Offset
                + (header.AgentAddress.Family == IpFamily.IPv6 ? SequenceOffsetIPv6 : SequenceOffsetIPv4);
        }

        return new SequenceRenumberer(corpus, streamOf, sequenceOffsetOf, [.. lastSequence]);
    }

    /// <summary>Gives datagram <paramref name="index"/> the next sequence number of its stream (wrapping at 2^32 as agents do).</summary>
    public void Renumber(int index)
    {
        var stream = _streamOf[index];
        if (stream == NotRenumbered)
        {
            return;
        }

        var sequence = unchecked(++_lastSequence[stream]);
        BinaryPrimitives.WriteUInt32BigEndian(_corpus.Data.AsSpan(_sequenceOffsetOf[index], 4), sequence);
    }
}
