namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>Latencies (ms) of objects created, then changed, one at a time, each measured from its request's start.</summary>
/// <param name="CreateToAdded">Until the ADDED event: the apiserver and a bare watcher (the peer).</param>
/// <param name="CreateToStatus">Until the operator's status for generation 1 was seen.</param>
/// <param name="ChangeToModified">Spec changes: until the MODIFIED event of generation 2 (the peer).</param>
/// <param name="ChangeToStatus">Spec changes: until the operator's status for generation 2 was seen.</param>
internal sealed record SequentialResult(Latencies CreateToAdded, Latencies CreateToStatus, Latencies ChangeToModified, Latencies ChangeToStatus);
