using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary><c>netm run</c> refuses manifests it cannot run, naming the file, the object, the field and the fix.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task InvalidMonitor_ExitCode2_NamesTheFieldAndTheFix_AndSkipsOtherKinds()
    {
        var directory = Directory.CreateTempSubdirectory("nmt-run-invalid-");
        try
        {
            var file = Path.Combine(directory.FullName, "bad.yaml");
            await File.WriteAllTextAsync(file, """
                apiVersion: networkmachinery.io/v1alpha1
                kind: NetworkMonitor
                metadata:
                  name: bad
                spec:
                  flows:
                    - name: pairs
                      keys: [srcAddr]
                      filter: proto ==
                  thresholds:
                    - name: t
                      flow: pairs
                      value: 1
                ---
                apiVersion: networkmachinery.io/v1alpha1
                kind: NetworkTrafficShaper
                metadata:
                  name: shaper
                spec:
                  targets:
                    - selector:
                        matchLabels: {app: demo}
                  device: eth0
                  delay: {latency: 100ms}
                """);
            var result = await ProcessRunner.RunAsync(
                "dotnet", [NetmOperatorProcess.Netm, "run", "-f", directory.FullName], new ProcessOptions { Timeout = TimeSpan.FromSeconds(60), ThrowOnFailure = false });

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{file}: NetworkMonitor default/bad: spec.flows[0].filter", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("skipping", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("NetworkTrafficShaper", result.StandardError, StringComparison.Ordinal);
            Assert.Empty(result.StandardOutput);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
