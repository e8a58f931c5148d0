namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>How informers list, watch and retry; the defaults are client-go's reflector's.</summary>
public sealed record InformerOptions
{
    /// <summary>Objects per list page; a list of more is fetched in pages of one consistent snapshot.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Each watch asks the server to end it after a random time between this and twice this, so that many informers do
    /// not reconnect in step; the informer then watches again from the last resourceVersion it saw.
    /// </summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long past its requested timeout a watch may stay open without the server ending it before the informer gives
    /// up on the connection as dead and watches again.
    /// </summary>
    public TimeSpan WatchGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first failed list or watch; it doubles with each consecutive failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The longest wait between attempts while the API server stays unreachable.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
