using Microsoft.Extensions.Logging;
using NetworkMachinery.Netm.Probe;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Run;

/// <summary>
/// Runs the NetworkConnectivityTests of <c>netm run</c>: each at once, then again every <c>spec.schedule.every</c>
/// from the first run's start (a test without a schedule runs once), a run's verdicts logged on one line per test. A run that fails to start is
/// logged and the schedule goes on.
/// </summary>
internal sealed partial class ScheduledTests(StandaloneProbe probe, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="tests"/> until cancelled (or, with no schedules, until each ran once).</summary>
    public Task RunAsync(IReadOnlyList<V1Alpha1NetworkConnectivityTest> tests, CancellationToken cancellationToken) =>
        Task.WhenAll(tests.Select(test => RunScheduleAsync(test, cancellationToken)));

    private async Task RunScheduleAsync(V1Alpha1NetworkConnectivityTest test, CancellationToken cancellationToken)
    {
        var every = test.Spec.Schedule is { } schedule ? GoDuration.Parse(schedule.Every) : (TimeSpan?)null;
        var due = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var report = await probe.RunAsync(test, cancellationToken);
                var verdicts = string.Join(", ", report.Rows.GroupBy(row => row.Verdict).Select(group => $"{group.Count()} {group.Key}"));
                TestRan(logger, report.Test, report.Condition, verdicts, report.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TestFailed(logger, $"{test.Metadata.NamespaceProperty}/{test.Metadata.Name}", e);
            }

            if (every is not { } period)
            {
                return;
            }

            // Runs start every period from the first, however long each took (a run longer than the period is followed at once).
            due += period;
            var wait = due - time.GetUtcNow();
            if (wait < TimeSpan.Zero)
            {
                due = time.GetUtcNow();
                continue;
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Test {Test}: {Condition} ({Verdicts}) {Message}")]
    private static partial void TestRan(ILogger logger, string test, string condition, string verdicts, string message);

    [LoggerMessage(2, LogLevel.Error, "Test {Test} could not run; its schedule goes on")]
    private static partial void TestFailed(ILogger logger, string test, Exception exception);
}
