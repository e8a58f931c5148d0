namespace NetworkMachinery.Operator.Entities;

/// <summary>The condition types of <see cref="NetworkNotificationStatus.Conditions"/>.</summary>
public static class NetworkNotificationConditions
{
    /// <summary>True when every channel has the notification; False with reason DeliveryFailed when a channel gave up.</summary>
    public const string Delivered = "Delivered";
}
