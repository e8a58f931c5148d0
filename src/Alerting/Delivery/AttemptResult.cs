namespace NetworkMachinery.Alerting.Delivery;

/// <summary>What one delivery attempt came to.</summary>
/// <param name="Outcome">Delivered, worth retrying, or refused for good.</param>
/// <param name="Result">The metric label (success, http_4xx, http_429, http_5xx, http_other, timeout, connection, secret, invalid_url).</param>
/// <param name="Error">Why it failed, in words, without the URL (it may be secret); null when delivered.</param>
/// <param name="RetryAfter">How long the receiver asked to wait (Retry-After), already capped; null when it did not ask.</param>
internal readonly record struct AttemptResult(AttemptOutcome Outcome, string Result, string? Error, TimeSpan? RetryAfter = null)
{
    public static AttemptResult Delivered { get; } = new(AttemptOutcome.Delivered, "success", null);

    public static AttemptResult Retry(string result, string error, TimeSpan? retryAfter = null) => new(AttemptOutcome.Retry, result, error, retryAfter);

    public static AttemptResult Refused(string result, string error) => new(AttemptOutcome.Refused, result, error);
}
