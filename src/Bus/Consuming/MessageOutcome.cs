namespace NetworkMachinery.Bus.Consuming;

/// <summary>What became of a consumed message; in every case it counts as consumed.</summary>
public enum MessageOutcome
{
    /// <summary>The handler completed.</summary>
    Handled,

    /// <summary>Skipped: its (key, identity) had been handled already.</summary>
    Duplicate,

    /// <summary>Could not be handled; sent to the dead-letter topic with the reason.</summary>
    DeadLettered,
}
