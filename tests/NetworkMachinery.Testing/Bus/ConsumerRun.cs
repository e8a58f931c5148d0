using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Testing.Polling;
using Xunit;

namespace NetworkMachinery.Testing.Bus;

/// <summary>Runs a bus consumer in a test until a condition holds.</summary>
public static class ConsumerRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the consumer until the condition holds (or the timeout passes), then stops it.</summary>
    public static async Task UntilAsync(IBusConsumer consumer, Func<bool> done, TimeSpan? timeout = null)
    {
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        var reached = await Poll.UntilAsync(done, timeout ?? Timeout);
        await stop.CancelAsync();
        await run;
        Assert.True(reached, $"the consumer did not get there in time: {consumer.GetStatistics()}");
    }
}
