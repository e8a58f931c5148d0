namespace NetworkMachinery.Alerting.Engine;

/// <summary>What one check of a value against its threshold did to the condition.</summary>
internal enum ConditionChange
{
    /// <summary>Nothing to report.</summary>
    None,

    /// <summary>The value went over the level: raise the condition.</summary>
    Raised,

    /// <summary>The value stayed at or below the level for the hold time: clear it.</summary>
    Cleared,
}
