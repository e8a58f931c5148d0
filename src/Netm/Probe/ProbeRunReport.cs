using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Probe;

/// <summary>What one NetworkConnectivityTest manifest gave in <c>netm probe</c>: its rows and its verdict.</summary>
/// <param name="Test">namespace/name of the test.</param>
/// <param name="Rows">One per source and destination target, as the operator writes them into status.results.</param>
/// <param name="Condition">Succeeded, Failed or Degraded, as the status conditions judge a run.</param>
/// <param name="Message">Why, in words.</param>
internal sealed record ProbeRunReport(string Test, IReadOnlyList<ConnectivityResult> Rows, string Condition, string Message)
{
    /// <summary>Whether the run went as the test wanted.</summary>
    public bool Succeeded => Condition == NetworkConnectivityTestConditions.Succeeded;
}
