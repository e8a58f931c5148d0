using System.Diagnostics;
using System.Text.Json;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>The status of a NetworkConnectivityTest as the operator wrote it, read with kubectl.</summary>
/// <param name="Results">Each result row's destination (kind/namespace/name), target (ip or ip:port) and verdict, in the status's order.</param>
/// <param name="Conditions">The status conditions that are True.</param>
/// <param name="Took">How long it took from the first read until the run was judged.</param>
public sealed record ConnectivityStatus(IReadOnlyList<(string Destination, string Target, string Verdict)> Results, IReadOnlyList<string> Conditions, TimeSpan Took)
{
    /// <summary>Waits until the test's run is judged (a lastRun and no Pending row) and returns its status.</summary>
    public static async Task<ConnectivityStatus> WaitAsync(Kubectl kubectl, string ns, string name, TimeSpan bound)
    {
        var started = Stopwatch.GetTimestamp();
        string json = "";
        while (Stopwatch.GetElapsedTime(started) < bound)
        {
            json = await kubectl.RunAsync(["get", "networkconnectivitytest", name, "-n", ns, "-o", "json"]);
            if (Judged(json) is { } status)
            {
                return status with { Took = Stopwatch.GetElapsedTime(started) };
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"NetworkConnectivityTest {ns}/{name} was not judged within {bound}: {json}");
    }

    private static ConnectivityStatus? Judged(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("status", out var status) || !status.TryGetProperty("lastRun", out _) ||
            !status.TryGetProperty("results", out var results))
        {
            return null;
        }

        var rows = results.EnumerateArray()
            .Select(row => (Text(row, "destination"), Text(row, "target"), Text(row, "verdict")))
            .ToList();
        if (rows.Count == 0 || rows.Any(row => row.Item3 == "Pending"))
        {
            return null;
        }

        var conditions = status.TryGetProperty("conditions", out var list)
            ? list.EnumerateArray().Where(condition => Text(condition, "status") == "True").Select(condition => Text(condition, "type")).ToList()
            : [];
        return new ConnectivityStatus(rows, conditions, TimeSpan.Zero);
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ToString() : "";
}
