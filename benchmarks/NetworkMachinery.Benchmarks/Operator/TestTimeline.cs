namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>When a watcher first saw each stage of one test's generations (Stopwatch timestamps).</summary>
internal sealed class TestTimeline
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TestStage, long), TaskCompletionSource<long>> _stages = [];

    /// <summary>Records that <paramref name="stage"/> of <paramref name="generation"/> was seen at <paramref name="timestamp"/>, unless it was seen before.</summary>
    public void Mark(TestStage stage, long generation, long timestamp) => Stage(stage, generation).TrySetResult(timestamp);

    /// <summary>When <paramref name="stage"/> of <paramref name="generation"/> is (or was) first seen.</summary>
    public Task<long> WhenAsync(TestStage stage, long generation) => Stage(stage, generation).Task;

    private TaskCompletionSource<long> Stage(TestStage stage, long generation)
    {
        lock (_gate)
        {
            if (!_stages.TryGetValue((stage, generation), out var seen))
            {
                seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _stages[(stage, generation)] = seen;
            }

            return seen;
        }
    }
}
