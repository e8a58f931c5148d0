namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>One timed trial, in milliseconds.</summary>
/// <param name="TotalMs">From the datagram's send to the webhook call's arrival (monotonic clock).</param>
/// <param name="ToBucketEndMs">
/// From the send to raisedAt, the end of the bucket the datagram was counted in (wall clock, raisedAt in whole ms);
/// negative when that bucket had ended before the send (the engine's open bucket moves only at ticks).
/// </param>
/// <param name="BucketEndToArrivalMs">From raisedAt to the arrival: the rest of the tick's wait, evaluation, dispatch and delivery.</param>
internal sealed record TrialResult(double TotalMs, double ToBucketEndMs, double BucketEndToArrivalMs);
