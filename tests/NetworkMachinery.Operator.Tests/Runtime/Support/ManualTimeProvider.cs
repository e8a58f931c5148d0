namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// A clock that moves only when a test says so. <see cref="Advance"/> fires the timers that fall due, in order of due
/// time, each at its own instant (so a callback that arms a new timer sees the time it fired at); Task.Delay and
/// CancellationTokenSource timeouts on this provider run off these timers. A timer due now fires on the next
/// Advance (Advance(TimeSpan.Zero) will do), never inside the call that armed it.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _elapsedTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers armed and not yet fired (or periodic), e.g. delays a background loop waits on.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(timer => timer.DueAt is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _start.AddTicks(_elapsedTicks);
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _elapsedTicks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _elapsedTicks + delta.Ticks;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(timer => timer.DueAt <= target).MinBy(timer => timer.DueAt);
                if (due is null)
                {
                    _elapsedTicks = target;
                    return;
                }

                _elapsedTicks = Math.Max(_elapsedTicks, due.DueAt!.Value);
                due.DueAt = due.Period is { } period ? _elapsedTicks + Math.Max(1, period.Ticks) : null;
            }

            due.Fire();
        }
    }

    /// <summary>Waits (in real time) until at least <paramref name="count"/> timers are armed: a loop reached its next wait.</summary>
    public async Task WaitForArmedTimersAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (ArmedTimers < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} armed timer(s), found {ArmedTimers}.");
            await Task.Delay(5);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        /// <summary>When it fires next, in elapsed ticks; null when disarmed. Guarded by the owner's lock.</summary>
        public long? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._elapsedTicks + Math.Max(0, dueTime.Ticks);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
