namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>An informer as its owner sees it: something to run until the operator stops.</summary>
internal interface IRunnableInformer : IInformer
{
    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled; never fails on API errors.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
