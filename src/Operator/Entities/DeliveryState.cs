namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ChannelDelivery.State"/>.</summary>
public static class DeliveryState
{
    /// <summary>Not delivered yet; attempts continue.</summary>
    public const string Pending = "Pending";

    /// <summary>The channel accepted the notification.</summary>
    public const string Delivered = "Delivered";

    /// <summary>Delivery gave up; lastError says why.</summary>
    public const string Failed = "Failed";
}
