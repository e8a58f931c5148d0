using System.Collections.Concurrent;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>Keeps every report, copied as it was reported (the delivery reuses nothing, but a report must not change afterwards).</summary>
internal sealed class RecordingSink : IDeliveryStatusSink
{
    private readonly ConcurrentQueue<(string[] Channels, ChannelDelivery Delivery)> _reports = new();

    public IReadOnlyList<(string[] Channels, ChannelDelivery Delivery)> Reports => [.. _reports];

    public IReadOnlyList<ChannelDelivery> Of(string channel) => Reports.Where(r => r.Delivery.Channel == channel).Select(r => r.Delivery).ToList();

    public Task ReportAsync(NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken)
    {
        _reports.Enqueue(([.. channels], new ChannelDelivery
        {
            Channel = delivery.Channel,
            State = delivery.State,
            Attempts = delivery.Attempts,
            LastError = delivery.LastError,
            DeliveredAt = delivery.DeliveredAt,
        }));
        return Task.CompletedTask;
    }
}
