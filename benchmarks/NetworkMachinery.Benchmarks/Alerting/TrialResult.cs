namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>One timed trial, in milliseconds.</summary>
/// <param name="TotalMs">From the datagram's send to the webhook call's arrival (monotonic clock).</param>
/// <param name="ToBucketEndMs">From the send to raisedAt, the end of the bucket the datagram was counted in (wall clock, raisedAt in whole ms).</param>
/// <param name="BucketEndToArrivalMs">From raisedAt to the arrival: waiting for the tick, evaluation, dispatch and delivery.</param>
internal sealed record TrialResult(double TotalMs, double ToBucketEndMs, double BucketEndToArrivalMs);
