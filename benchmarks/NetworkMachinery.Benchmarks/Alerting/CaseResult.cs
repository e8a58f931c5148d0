using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Benchmarks.Pipeline;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>The trials of one bus and tick: send to webhook, and its two parts split at the event's raisedAt.</summary>
internal sealed record CaseResult(BusKind Bus, TimeSpan Tick, Latencies Total, Latencies ToBucketEnd, Latencies BucketEndToArrival, int Lost);
