namespace NetworkMachinery.Alerting.Monitors;

/// <summary>How long a NetworkNotification stays after its condition cleared (default a day), before it is deleted.</summary>
/// <param name="Period">The time from <c>spec.event.clearedAt</c> to deletion.</param>
public sealed record NotificationRetention(TimeSpan Period)
{
    /// <summary>A day.</summary>
    public static readonly NotificationRetention Default = new(TimeSpan.FromDays(1));
}
