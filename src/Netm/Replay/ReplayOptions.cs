using System.Net;

namespace NetworkMachinery.Netm.Replay;

/// <summary>What <c>netm replay</c> sends, where, and how fast.</summary>
internal sealed record ReplayOptions
{
    /// <summary>The collector's address.</summary>
    public required IPEndPoint Target { get; init; }

    /// <summary>Target rate in datagrams per second; 0 sends as fast as the socket takes them.</summary>
    public long Rate { get; init; }

    /// <summary>Stop after this long; with neither this nor <see cref="Count"/>, the corpus is sent once.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Stop after this many datagrams (the corpus is looped as often as needed).</summary>
    public long? Count { get; init; }

    /// <summary>Datagrams per <c>sendmmsg</c> call, and the depth of the pacing bucket.</summary>
    public required int Batch { get; init; }

    /// <summary>Rewrite datagram sequence numbers so that each agent's stream stays contiguous across loops.</summary>
    public required bool Renumber { get; init; }
}
