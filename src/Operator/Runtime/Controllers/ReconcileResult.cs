namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>
/// How a reconcile ended, when it did not throw (a throw counts as an error and retries the key after the rate
/// limiter's backoff): <see cref="Done"/>, <see cref="RequeueAfter"/> or <see cref="Retry"/>.
/// </summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(ReconcileResultKind kind, TimeSpan delay)
    {
        Kind = kind;
        Delay = delay;
    }

    /// <summary>The object is reconciled; nothing more until it changes.</summary>
    public static ReconcileResult Done => new(ReconcileResultKind.Done, TimeSpan.Zero);

    /// <summary>Back off and try again (exponentially longer each time in a row), without an error.</summary>
    public static ReconcileResult Retry => new(ReconcileResultKind.Retry, TimeSpan.Zero);

    /// <summary>What to do with the key.</summary>
    public ReconcileResultKind Kind { get; }

    /// <summary>For <see cref="ReconcileResultKind.RequeueAfter"/>, how long until the next reconcile.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Reconcile the object again after <paramref name="delay"/>, or sooner if it changes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive.</exception>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new ReconcileResult(ReconcileResultKind.RequeueAfter, delay);
    }
}
