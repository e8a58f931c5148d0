using k8s.Models;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Notifications;

/// <summary>
/// Turns a <see cref="NetworkEvent"/> into the NetworkNotification that records it: in the monitor's namespace, owned by
/// the monitor (so that the garbage collector deletes it with the monitor), labelled with the monitor and threshold.
/// </summary>
public static class NotificationFactory
{
    /// <summary>The notification of <paramref name="networkEvent"/> (its status empty).</summary>
    /// <exception cref="ArgumentException">The event names no monitor, threshold or event id.</exception>
    public static V1Alpha1NetworkNotification Create(NetworkEvent networkEvent)
    {
        var monitor = networkEvent.Monitor ?? throw new ArgumentException("The event names no monitor.", nameof(networkEvent));
        var threshold = networkEvent.Threshold ?? throw new ArgumentException("The event names no threshold.", nameof(networkEvent));
        if (monitor.Name.Length == 0 || monitor.Namespace.Length == 0 || threshold.Name.Length == 0 || networkEvent.EventId.Length == 0)
        {
            throw new ArgumentException("The event lacks its monitor's namespace or name, its threshold's name or its id.", nameof(networkEvent));
        }

        var notification = new V1Alpha1NetworkNotification
        {
            Metadata = new V1ObjectMeta
            {
                Name = NotificationNames.For(monitor.Name, threshold.Name, networkEvent.EventId),
                NamespaceProperty = monitor.Namespace,
                Labels = new Dictionary<string, string>
                {
                    [NotificationLabels.Monitor] = monitor.Name,
                    [NotificationLabels.Threshold] = threshold.Name,
                    [NotificationLabels.ManagedBy] = NotificationLabels.ManagedByValue,
                },
            },
            Spec = Spec(networkEvent, monitor.Name, threshold),
        };
        if (monitor.Uid.Length > 0)
        {
            notification.Metadata.OwnerReferences =
            [
                new V1OwnerReference
                {
                    ApiVersion = NetworkMachineryApi.ApiVersion,
                    Kind = V1Alpha1NetworkMonitor.KubeKind,
                    Name = monitor.Name,
                    Uid = monitor.Uid,
                    BlockOwnerDeletion = true,
                    Controller = true,
                },
            ];
        }

        return notification;
    }

    /// <summary>The spec for <paramref name="networkEvent"/>; an update of a notification replaces its spec with this.</summary>
    public static NetworkNotificationSpec Spec(NetworkEvent networkEvent, string monitor, NetworkEvent.Types.Threshold threshold) => new()
    {
        Monitor = monitor,
        Threshold = threshold.Name,
        Event = new NotificationEvent
        {
            Id = networkEvent.EventId,
            Value = networkEvent.Value,
            ThresholdValue = threshold.Value,
            Window = Window(threshold),
            Agent = networkEvent.AgentAddress.Length > 0 ? networkEvent.AgentAddress : null,
            DataSource = DataSource(networkEvent),
            Timestamp = Time(networkEvent.RaisedAtNs),
            ClearedAt = networkEvent.ClearedAtNs > 0 ? Time(networkEvent.ClearedAtNs) : null,
        },
        FlowKey = new Dictionary<string, string>(networkEvent.FlowKey),
        TopTalkers = networkEvent.TopTalkers
            .Take(20)
            .Select(talker => new TopTalker { FlowKey = new Dictionary<string, string>(talker.Key), Value = talker.Value })
            .ToList(),
    };

    private static string? DataSource(NetworkEvent networkEvent) =>
        networkEvent.InterfaceName.Length > 0 ? networkEvent.InterfaceName
        : networkEvent.IfIndex > 0 ? networkEvent.IfIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>An event time (Unix nanoseconds) as UTC, or null when it is not set (0).</summary>
    internal static DateTime? Time(ulong unixNanoseconds) =>
        unixNanoseconds == 0 ? null : DateTime.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    /// <summary>The threshold's window as a Go duration (<c>10s</c>), or null when it is not set.</summary>
    internal static string? Window(NetworkEvent.Types.Threshold threshold) =>
        threshold.WindowNs > 0 ? GoDuration.Format(TimeSpan.FromTicks((long)(threshold.WindowNs / 100))) : null;
}
