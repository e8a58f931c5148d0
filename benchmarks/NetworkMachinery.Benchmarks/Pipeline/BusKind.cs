namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>The bus a pipeline step runs over.</summary>
internal enum BusKind
{
    /// <summary>InProcessBus: the standalone default.</summary>
    InProcess,

    /// <summary>KafkaBus on the run's private broker.</summary>
    Kafka,
}
