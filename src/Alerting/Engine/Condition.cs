namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// The hysteresis of one condition: raised once when a check finds the value over the level; cleared when checks have
/// found it at or below the level continuously for the hold time (with hold 0, at the first such check). A check over
/// the level while raised restarts the hold.
/// </summary>
internal struct Condition
{
    private long _belowSince;

    /// <summary>Whether the condition is raised.</summary>
    public bool Raised { get; private set; }

    /// <summary>When it was raised (Unix ticks).</summary>
    public long RaisedAt { get; private set; }

    /// <summary>Applies one check made at <paramref name="at"/> (Unix ticks).</summary>
    /// <param name="over">Whether the value was over the level.</param>
    /// <param name="at">When the check was made: the end of the bucket that closed.</param>
    /// <param name="holdTicks">The hold time.</param>
    /// <returns>The change to report.</returns>
    public ConditionChange Check(bool over, long at, long holdTicks)
    {
        if (over)
        {
            _belowSince = -1;
            if (Raised)
            {
                return ConditionChange.None;
            }

            Raised = true;
            RaisedAt = at;
            return ConditionChange.Raised;
        }

        if (!Raised)
        {
            return ConditionChange.None;
        }

        if (_belowSince < 0)
        {
            _belowSince = at;
        }

        if (at - _belowSince < holdTicks)
        {
            return ConditionChange.None;
        }

        Raised = false;
        _belowSince = -1;
        return ConditionChange.Cleared;
    }
}
