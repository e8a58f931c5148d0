using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>kubectl on the dev cluster, through the kubeconfig <c>up</c> wrote.</summary>
public sealed class Kubectl(string kubeconfig)
{
    /// <summary>The busybox image <c>up</c> imports (pods run it with imagePullPolicy Never).</summary>
    public const string BusyboxImage = "localhost/networkmachinery/busybox:dev";

    private static readonly TimeSpan Ready = TimeSpan.FromMinutes(2);

    /// <summary>Runs kubectl; throws with its stderr unless it exits with 0; returns stdout.</summary>
    public async Task<string> RunAsync(IEnumerable<string> arguments, string? input = null, TimeSpan? timeout = null)
    {
        var result = await ProcessRunner.RunAsync(
            "kubectl",
            ["--kubeconfig", kubeconfig, .. arguments],
            new ProcessOptions { StandardInput = input, Timeout = timeout ?? TimeSpan.FromSeconds(60), ThrowOnFailure = false });
        Assert.True(result.Succeeded, $"{result.CommandLine} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>Runs kubectl and returns the result whatever the exit code.</summary>
    public Task<ProcessResult> TryRunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("kubectl", ["--kubeconfig", kubeconfig, .. arguments], new ProcessOptions { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Creates a namespace with a unique name and waits for its default ServiceAccount (which pods need); returns the name.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{UniqueId.Prefix}-{prefix}-{UniqueId.Next()}";
        await RunAsync(["create", "namespace", name]);
        var deadline = DateTime.UtcNow + Ready;
        while ((await TryRunAsync("get", "serviceaccount", "default", "-n", name)).ExitCode != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"namespace {name} got no default ServiceAccount within {Ready}");
            await Task.Delay(200);
        }

        return name;
    }

    /// <summary>Creates the objects of <paramref name="yaml"/>.</summary>
    public Task<string> ApplyAsync(string yaml) => RunAsync(["apply", "-f", "-"], yaml);

    /// <summary>Creates a busybox pod that runs <paramref name="command"/> (a shell command), and waits until it is Ready; returns its IP.</summary>
    public async Task<string> RunBusyboxAsync(string ns, string name, string command, string label = "")
    {
        await ApplyAsync(
            $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{name}}
              namespace: {{ns}}
              labels: { app: "{{(label.Length > 0 ? label : name)}}" }
            spec:
              terminationGracePeriodSeconds: 0
              containers:
              - name: main
                image: {{BusyboxImage}}
                imagePullPolicy: Never
                command: ["sh", "-c", "{{command}}"]
            """);
        await RunAsync(["wait", "--for=condition=Ready", $"pod/{name}", "-n", ns, $"--timeout={(int)Ready.TotalSeconds}s"], timeout: Ready + TimeSpan.FromSeconds(10));
        return (await RunAsync(["get", "pod", name, "-n", ns, "-o", "jsonpath={.status.podIP}"])).Trim();
    }

    /// <summary><c>kubectl exec</c>: runs <paramref name="command"/> in the pod's container; returns the result whatever the exit code.</summary>
    public Task<ProcessResult> ExecAsync(string ns, string pod, params string[] command) =>
        TryRunAsync(["exec", "-n", ns, pod, "--", .. command]);
}
