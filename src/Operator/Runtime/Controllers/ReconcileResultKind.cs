namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>What a controller does with a key after its reconcile returned.</summary>
public enum ReconcileResultKind
{
    /// <summary>Nothing: the object is as it should be until it changes again. Its failure count is forgotten.</summary>
    Done,

    /// <summary>Reconcile it again after a set time (e.g. a periodic re-run); its failure count is forgotten.</summary>
    RequeueAfter,

    /// <summary>Reconcile it again after the rate limiter's backoff, without counting an error (e.g. waiting for a dependency).</summary>
    Retry,
}
