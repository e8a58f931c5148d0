namespace NetworkMachinery.Alerting.Notifications;

/// <summary>The labels alerting puts on the NetworkNotifications it creates, so that they can be listed by monitor.</summary>
public static class NotificationLabels
{
    /// <summary>The name of the NetworkMonitor (in the notification's namespace).</summary>
    public const string Monitor = "networkmachinery.io/monitor";

    /// <summary>The name of the monitor's threshold.</summary>
    public const string Threshold = "networkmachinery.io/threshold";

    /// <summary>Who made the object: always <see cref="ManagedByValue"/>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>The value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "netm-alerting";
}
