namespace NetworkMachinery.Netm.Replay;

/// <summary>Where one datagram of a <see cref="ReplayCorpus"/> sits, and what it carries.</summary>
/// <param name="Offset">Start in <see cref="ReplayCorpus.Data"/>.</param>
/// <param name="Length">Length in bytes.</param>
/// <param name="FlowSamples">Flow samples (formats 1 and 3) in it, so a run can tell a collector how many it should have seen.</param>
/// <param name="CounterSamples">Counter samples (formats 2 and 4) in it.</param>
internal readonly record struct ReplayDatagram(int Offset, int Length, int FlowSamples, int CounterSamples);
