namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>A webhook call as it reached the receiver.</summary>
/// <param name="Timestamp">When it arrived (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
/// <param name="At">When it arrived, by the wall clock.</param>
/// <param name="RaisedAt">The event's raisedAt: the end of the window bucket whose check found the flow over the threshold.</param>
internal sealed record Arrival(long Timestamp, DateTimeOffset At, DateTimeOffset RaisedAt);
