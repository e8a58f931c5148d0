namespace NetworkMachinery.Bus.Consuming;

/// <summary>Reads the topics of its group and hands each message to the handler, one at a time.</summary>
public interface IBusConsumer : IAsyncDisposable
{
    /// <summary>Consumes until cancelled, riding out bus errors and bad messages; returns (without throwing) when cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>What the consumer has done so far.</summary>
    ConsumerStatistics GetStatistics();
}
