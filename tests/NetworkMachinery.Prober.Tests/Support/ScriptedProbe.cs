using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>
/// A probe kind for the runner's own behaviour, which no real network can make happen on demand: one that hangs,
/// ignoring cancellation, or one that takes a while and records how many of it ran at once.
/// </summary>
internal sealed class ScriptedProbe(ProbeResult.Types.ProbeType type, Func<ProbeResult, Task> run) : ITargetProbe
{
    private int _running;
    private int _mostRunning;

    public ProbeResult.Types.ProbeType Type => type;

    public int MostRunningAtOnce => Volatile.Read(ref _mostRunning);

    public async Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        try
        {
            await run(result);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
