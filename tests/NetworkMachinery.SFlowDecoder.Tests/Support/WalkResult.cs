namespace NetworkMachinery.SFlow.Tests.Support;

/// <summary>What <see cref="DatagramWalker"/> found.</summary>
/// <param name="Error">The first error: from the datagram, a sample's records, or a known record's decoding.</param>
/// <param name="Samples">Samples read.</param>
/// <param name="Records">Records read, known or not.</param>
/// <param name="UnknownRecords">Records of formats the decoder does not know.</param>
/// <param name="Steps">Loop iterations the walk made: one per sample, record, AS path segment, list element, adapter and MAC.</param>
internal readonly record struct WalkResult(SFlowError Error, int Samples, int Records, int UnknownRecords, long Steps);
