using System.Text.Json;
using NetworkMachinery.Prober.Tests.Support;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Prober.Tests.Cli;

/// <summary>
/// <c>netm probe -f</c> as a user runs it: NetworkConnectivityTest manifests whose pods are the test's network
/// namespaces, a real TCP server in one of them, paths blocked with nftables.
/// </summary>
public sealed class NetmProbeCommandTests : IAsyncLifetime
{
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(120) };

    private PodNetwork _network = null!;
    private PodTcpListener _listener = null!;
    private readonly string _directory = Directory.CreateTempSubdirectory("nmt-probe-").FullName;

    private string Client => _network.Pods[0].Namespace.Name;

    private string Server => _network.Pods[1].Namespace.Name;

    public async Task InitializeAsync()
    {
        _network = await PodNetwork.CreateAsync(2);
        _listener = PodTcpListener.Start(_network.Pods[1], 8080);
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _network.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Json_EveryTargetsVerdictAndMeasurements_ExitCodeOneWhenNotAllReachable()
    {
        var file = Manifest("mixed.yaml", $$"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: tcp
            spec:
              layer: "4"
              source: {name: {{Client}}}
              destinations:
                - {kind: pod, name: {{Server}}, port: 8080}
                - {kind: pod, name: {{Server}}, port: 8081}
                - {kind: ip, ip: 10.78.0.1, port: 80}
              count: 2
              interval: 100ms
              timeout: 2s
            ---
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: ping
            spec:
              layer: "3"
              source: {name: {{Client}}}
              destinations:
                - {kind: pod, name: {{Server}}}
              count: 3
              interval: 100ms
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [Netm.Program, "probe", "-f", file, "--json"], Tolerant);

        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}; stderr:\n{result.StandardError}");
        var rows = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(4, rows.Count);
        var byTarget = rows.ToDictionary(row => (row.GetProperty("test").GetString(), row.GetProperty("target").GetString()));
        var open = byTarget[("default/tcp", "10.77.0.3:8080")];
        Assert.Equal("Reachable", open.GetProperty("verdict").GetString());
        Assert.Equal("10.77.0.2", open.GetProperty("sourceIP").GetString());
        Assert.Equal(2, open.GetProperty("received").GetInt32());
        Assert.True(open.GetProperty("rttAvgMs").GetDouble() > 0);
        Assert.Equal("Refused", byTarget[("default/tcp", "10.77.0.3:8081")].GetProperty("verdict").GetString());
        Assert.Equal("Unreachable", byTarget[("default/tcp", "10.78.0.1:80")].GetProperty("verdict").GetString());
        var ping = byTarget[("default/ping", "10.77.0.3")];
        Assert.Equal("Reachable", ping.GetProperty("verdict").GetString());
        Assert.Equal(3, ping.GetProperty("sent").GetInt32());
        Assert.Equal(0, ping.GetProperty("lossPercent").GetDouble());
        Assert.True(_listener.Accepted >= 2, $"the server accepted {_listener.Accepted} connections");
    }

    [Fact]
    public async Task ExpectUnreachable_PathDroppedAndRejected_TableSaysSucceeded_ExitCodeZero()
    {
        await _network.Pods[1].FirewallAsync("tcp dport 9090 drop", "tcp dport 9091 reject with tcp reset");
        var file = Manifest("policy.yaml", $$"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: policy
              namespace: team-a
            spec:
              layer: "4"
              source: {name: {{Client}}}
              destinations:
                - {kind: pod, name: {{Server}}, port: 9090}
                - {kind: pod, name: {{Server}}, port: 9091}
              timeout: 1s
              expect: Unreachable
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [Netm.Program, "probe", "-f", file], Tolerant);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; stdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SOURCE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("10.77.0.3:9090", StringComparison.Ordinal) && line.Contains("Timeout", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("10.77.0.3:9091", StringComparison.Ordinal) && line.Contains("Refused", StringComparison.Ordinal));
        Assert.StartsWith("team-a/policy: Succeeded", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidManifest_ExitCodeTwo_SaysWhichFieldAndHowToFixIt()
    {
        var file = Manifest("invalid.yaml", $$"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: no-port
            spec:
              layer: "4"
              source: {name: {{Client}}}
              destinations:
                - {kind: pod, name: {{Server}}}
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [Netm.Program, "probe", "-f", file], Tolerant);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("default/no-port: spec.destinations[0].port", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task SourceNamespaceMissing_IsAnErrorRow_NotACrash()
    {
        var file = Manifest("missing.yaml", $$"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: missing
            spec:
              layer: "3"
              source: {name: nmt-no-such-namespace}
              destinations:
                - {kind: pod, name: {{Server}}}
            """);

        var result = await ProcessRunner.RunAsync("dotnet", [Netm.Program, "probe", "-f", file, "--json"], Tolerant);

        Assert.Equal(1, result.ExitCode);
        var row = JsonDocument.Parse(result.StandardOutput.Trim()).RootElement;
        Assert.Equal("Error", row.GetProperty("verdict").GetString());
        Assert.Contains("nmt-no-such-namespace not found", row.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private string Manifest(string name, string yaml)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
