using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>
/// Delivers every event to the channels its threshold names (all of the monitor's when it names none), in the
/// background: retries and backoff of one event never hold up the next. Disposing waits a while for the deliveries
/// under way, then cancels them (their states stay Pending).
/// </summary>
public sealed partial class ChannelDeliverySink(NotificationDelivery delivery, IDeliveryStatusSink status, ILogger logger) : INetworkEventSink, IAsyncDisposable
{
    // Long enough for attempts on the wire to finish, short enough for a SIGTERM grace period.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <inheritdoc/>
    public Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        ArgumentNullException.ThrowIfNull(monitor);
        var channels = ChannelsOf(networkEvent, monitor);
        if (channels.Count > 0)
        {
            var running = DeliverAsync(networkEvent, channels);
            _running.TryAdd(running, true);
            _ = running.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running.Keys).WaitAsync(DrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    /// <summary>The channels of the event's threshold: those it names, else every channel of the monitor.</summary>
    internal static List<NotificationChannel> ChannelsOf(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor)
    {
        var threshold = monitor.Spec.Thresholds.FirstOrDefault(t => t.Name == networkEvent.Threshold?.Name);
        return threshold is null || threshold.Channels.Count == 0
            ? [.. monitor.Spec.Channels]
            : [.. monitor.Spec.Channels.Where(channel => threshold.Channels.Contains(channel.Name))];
    }

    private async Task DeliverAsync(NetworkEvent networkEvent, List<NotificationChannel> channels)
    {
        try
        {
            await delivery.DeliverAsync(networkEvent, channels, status, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: what was not delivered stays Pending.
        }
        catch (Exception e)
        {
            DeliveryFailed(logger, networkEvent.EventId, e);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Delivering event {EventId} failed")]
    private static partial void DeliveryFailed(ILogger logger, string eventId, Exception exception);
}
