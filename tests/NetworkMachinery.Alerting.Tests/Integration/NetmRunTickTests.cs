using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary><c>netm run --tick</c> as a user types it: a tick it cannot honour is refused before anything starts.</summary>
public sealed class NetmRunTickTests
{
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData("5ms")]
    [InlineData("0")]
    [InlineData("fast")]
    public async Task Run_TickNotADurationOfAtLeast10ms_FailsWithAClearError(string tick)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [NetmOperatorProcess.Netm, "run", "-f", "-", "--tick", tick], Tolerant);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--tick takes a duration of at least 10ms", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", result.StandardError, StringComparison.Ordinal);
    }
}
