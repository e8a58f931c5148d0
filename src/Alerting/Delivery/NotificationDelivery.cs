using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Delivery.Payloads;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Queue;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// Delivers events to a monitor's channels: a Slack incoming-webhook message (<see cref="SlackMessage"/>) or a JSON POST
/// to a generic webhook (<see cref="WebhookPayload"/>, signed with <see cref="WebhookSignature"/> when the channel names
/// an HMAC key). Each channel is tried on its own, concurrently with the others, up to
/// <see cref="DeliveryPolicy.MaxAttempts"/> times: connection errors, timeouts, 408, 429 and 5xx are retried after an
/// exponential, jittered backoff (or the Retry-After the receiver sent); other 4xx, a missing Secret and a bad URL are
/// not. Requests to one URL keep to <see cref="DeliveryRateLimit"/>. After every attempt the channel's state goes to
/// the <see cref="IDeliveryStatusSink"/>. A failure never escapes: it is the channel's Failed state.
/// </summary>
public sealed class NotificationDelivery
{
    // Enough of an error response's body to say why (Slack answers "invalid_payload", "no_service", ...).
    private const int ErrorBodyBytes = 200;

    private readonly HttpClient _http;
    private readonly ISecretResolver _secrets;
    private readonly DeliveryPolicy _policy;
    private readonly UrlRateLimiter _rateLimiter;
    private readonly DeliveryMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDelivery> _logger;

    /// <summary>Creates the delivery.</summary>
    /// <param name="http">The client the requests go through; its own timeout should be longer than <see cref="DeliveryPolicy.AttemptTimeout"/>.</param>
    /// <param name="secrets">Reads the channels' Secret references (URLs, HMAC keys).</param>
    /// <param name="policy">Attempts, backoff and timeouts.</param>
    /// <param name="rateLimit">The limit per destination URL.</param>
    /// <param name="metrics">Where deliveries, attempts and their durations are counted.</param>
    /// <param name="time">The clock for backoff, rate limits, timeouts and signature timestamps.</param>
    /// <param name="logger">Logs retries and failures (never URLs).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="policy"/> or <paramref name="rateLimit"/> is out of range.</exception>
    public NotificationDelivery(
        HttpClient http,
        ISecretResolver secrets,
        DeliveryPolicy policy,
        DeliveryRateLimit rateLimit,
        DeliveryMetrics metrics,
        TimeProvider time,
        ILogger<NotificationDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rateLimit);
        policy.Validate();
        rateLimit.Validate();
        _http = http;
        _secrets = secrets;
        _policy = policy;
        _rateLimiter = new UrlRateLimiter(rateLimit, time);
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Delivers <paramref name="networkEvent"/> to every channel of <paramref name="channels"/> concurrently; completes
    /// when each is delivered or given up on, having reported every attempt to <paramref name="sink"/>.
    /// </summary>
    /// <param name="networkEvent">The event; Secret references are resolved in its monitor's namespace.</param>
    /// <param name="channels">The channels to notify (the threshold's, or all of the monitor's).</param>
    /// <param name="sink">Receives each channel's state after every attempt.</param>
    /// <param name="cancellationToken">Stops the deliveries (shutdown): the task is then canceled, and states not yet final stay Pending.</param>
    public Task DeliverAsync(NetworkEvent networkEvent, IEnumerable<NotificationChannel> channels, IDeliveryStatusSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        ArgumentNullException.ThrowIfNull(sink);
        var list = channels.ToList();
        var names = list.Select(channel => channel.Name).ToArray();
        return Task.WhenAll(list.Select(channel => DeliverAsync(networkEvent, channel, names, sink, cancellationToken)));
    }

    private async Task DeliverAsync(NetworkEvent networkEvent, NotificationChannel channel, string[] names, IDeliveryStatusSink sink, CancellationToken cancellationToken)
    {
        var type = channel.Slack is not null ? "slack" : "webhook";
        var monitor = EventFacts.Monitor(networkEvent);
        var started = _time.GetTimestamp();
        ChannelTarget? target = null;
        for (var attempt = 1; ; attempt++)
        {
            var attemptStarted = _time.GetTimestamp();
            AttemptResult result;
            (target, result) = target is null ? await ResolveAsync(networkEvent, channel, cancellationToken) : (target, default);
            if (target is not null)
            {
                if (await _rateLimiter.WaitAsync(target.Url.AbsoluteUri, cancellationToken))
                {
                    _metrics.CountRateLimited(type);
                }

                attemptStarted = _time.GetTimestamp();
                result = await SendAsync(target, cancellationToken);
            }

            _metrics.CountAttempt(type, result.Result, _time.GetElapsedTime(attemptStarted));
            var delivery = new ChannelDelivery { Channel = channel.Name, Attempts = attempt, LastError = result.Error };
            if (result.Outcome == AttemptOutcome.Delivered)
            {
                delivery.State = DeliveryState.Delivered;
                delivery.DeliveredAt = _time.GetUtcNow().UtcDateTime;
                await ReportAsync(sink, networkEvent, names, delivery, cancellationToken);
                _metrics.CountDelivery(type, "delivered", _time.GetElapsedTime(started));
                DeliveryLog.Delivered(_logger, networkEvent.EventId, monitor, channel.Name, attempt);
                return;
            }

            if (result.Outcome == AttemptOutcome.Refused || attempt >= _policy.MaxAttempts)
            {
                delivery.State = DeliveryState.Failed;
                delivery.LastError = result.Outcome == AttemptOutcome.Refused
                    ? $"{result.Error}; not retried"
                    : $"{result.Error}; gave up after {attempt} attempt{(attempt == 1 ? "" : "s")}";
                await ReportAsync(sink, networkEvent, names, delivery, cancellationToken);
                _metrics.CountDelivery(type, "failed", _time.GetElapsedTime(started));
                DeliveryLog.GaveUp(_logger, networkEvent.EventId, monitor, channel.Name, attempt, delivery.LastError);
                return;
            }

            await ReportAsync(sink, networkEvent, names, delivery, cancellationToken);
            var delay = result.RetryAfter ?? Backoff(attempt);
            DeliveryLog.Retrying(_logger, networkEvent.EventId, monitor, attempt, channel.Name, result.Error, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    // The base doubled for each failure before this one, capped, then jittered to between half and all of it so that
    // the channels of a burst of events do not retry a recovering receiver in step.
    private TimeSpan Backoff(int failures) =>
        ExponentialBackoff.Delay(_policy.BackoffBase, _policy.BackoffMax, failures - 1) * (0.5 + (Random.Shared.NextDouble() / 2));

    private async Task<(ChannelTarget? Target, AttemptResult Failure)> ResolveAsync(NetworkEvent networkEvent, NotificationChannel channel, CancellationToken cancellationToken)
    {
        var @namespace = networkEvent.Monitor?.Namespace ?? "";
        string url;
        string? hmacKey = null;
        byte[] body;
        try
        {
            switch (channel)
            {
                case { Slack: { } slack }:
                    url = slack.Url is { Length: > 0 } inline ? inline
                        : slack.WebhookSecretRef is { } reference ? await _secrets.ResolveAsync(@namespace, reference, cancellationToken)
                        : throw new SecretResolutionException("the channel gives neither slack.url nor slack.webhookSecretRef", isTransient: false);
                    body = SlackMessage.Create(networkEvent);
                    break;
                case { Webhook: { } webhook }:
                    url = webhook.Url is { Length: > 0 } given ? given
                        : webhook.UrlSecretRef is { } urlReference ? await _secrets.ResolveAsync(@namespace, urlReference, cancellationToken)
                        : throw new SecretResolutionException("the channel gives neither webhook.url nor webhook.urlSecretRef", isTransient: false);
                    if (webhook.HmacSecretRef is { } hmac)
                    {
                        hmacKey = await _secrets.ResolveAsync(@namespace, hmac, cancellationToken);
                    }

                    body = WebhookPayload.Create(networkEvent);
                    break;
                default:
                    return (null, AttemptResult.Refused("invalid_url", "the channel has neither slack nor webhook"));
            }
        }
        catch (SecretResolutionException e)
        {
            return (null, e.IsTransient ? AttemptResult.Retry("secret", e.Message) : AttemptResult.Refused("secret", e.Message));
        }

        // Secrets are often written with a trailing newline (echo ... | base64). The URL is not echoed: it may be the secret.
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, AttemptResult.Refused("invalid_url", "the channel's URL is not an absolute http or https URL"));
        }

        return (new ChannelTarget(uri, body, hmacKey), default);
    }

    private async Task<AttemptResult> SendAsync(ChannelTarget target, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_policy.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(target.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (target.HmacKey is { } key)
        {
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(key, timestamp, target.Body));
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return AttemptResult.Delivered;
            }

            var status = (int)response.StatusCode;
            var error = $"HTTP {status} {response.ReasonPhrase}{await ExcerptAsync(response, linked.Token)}";
            return status switch
            {
                (int)HttpStatusCode.TooManyRequests => AttemptResult.Retry("http_429", error, RetryAfter(response)),
                >= 500 => AttemptResult.Retry("http_5xx", error, RetryAfter(response)),
                (int)HttpStatusCode.RequestTimeout => AttemptResult.Retry("http_4xx", error),
                >= 400 => AttemptResult.Refused("http_4xx", error),
                _ => AttemptResult.Refused("http_other", error),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Retry("timeout", $"no response within {GoDuration.Format(_policy.AttemptTimeout)}");
        }
        catch (HttpRequestException e)
        {
            return AttemptResult.Retry("connection", "connection failed: " + e.Message);
        }
    }

    // Retry-After as seconds or as a date, capped so that a receiver cannot park a delivery for days.
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        return wait is { } value ? TimeSpan.FromTicks(Math.Clamp(value.Ticks, 0, _policy.MaxRetryAfter.Ticks)) : null;
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ErrorBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
            return text.Length == 0 ? "" : ": " + text.ReplaceLineEndings(" ");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // The status says enough; a body that breaks off adds nothing.
            return "";
        }
    }

    private async Task ReportAsync(IDeliveryStatusSink sink, NetworkEvent networkEvent, string[] names, ChannelDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await sink.ReportAsync(networkEvent, names, delivery, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The status is a record of the delivery, not a condition for it: an API server that is away must not stop it.
            _metrics.CountStatusReportError();
            DeliveryLog.StatusReportFailed(_logger, e, networkEvent.EventId, EventFacts.Monitor(networkEvent), delivery.Channel);
        }
    }
}
