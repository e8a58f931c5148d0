namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>What a watcher of NetworkConnectivityTests can see happen to one generation of one test.</summary>
internal enum TestStage
{
    /// <summary>The generation itself: the ADDED event (generation 1) or the MODIFIED event of the spec change. What a bare watcher sees: the peer.</summary>
    Written,

    /// <summary>The operator wrote status for a run of the generation: <c>status.observedGeneration</c> equals it and <c>status.lastRun</c> is set.</summary>
    Status,

    /// <summary>The operator judged that run: a condition is True with the generation as its <c>observedGeneration</c> (with no prober, after its budget).</summary>
    Judged,
}
