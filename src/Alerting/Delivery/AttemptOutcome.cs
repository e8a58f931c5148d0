namespace NetworkMachinery.Alerting.Delivery;

/// <summary>The kinds of <see cref="AttemptResult"/>.</summary>
internal enum AttemptOutcome
{
    /// <summary>The receiver accepted the notification (2xx).</summary>
    Delivered,

    /// <summary>A failure that may pass: no connection, a timeout, 5xx, 408, 429, an API server that did not answer.</summary>
    Retry,

    /// <summary>A failure that repeating will not fix: any other 4xx, a missing Secret or key, a bad URL.</summary>
    Refused,
}
