using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>
/// nftables rules inside a real pod's network namespace, entered the way an operator on the node would: through a
/// process in the pod's kubepods cgroup (the kubelet names the pod's cgroup after its UID), with nsenter.
/// </summary>
public static class PodFirewall
{
    /// <summary>Replaces the pod's ruleset with a chain of <paramref name="rules"/> on <paramref name="hook"/> (input or output).</summary>
    public static async Task BlockAsync(Kubectl kubectl, string ns, string pod, string hook, params string[] rules)
    {
        var uid = (await kubectl.RunAsync(["get", "pod", pod, "-n", ns, "-o", "jsonpath={.metadata.uid}"])).Trim();
        var pid = ProcessOf(uid) ?? throw new InvalidOperationException($"no process in the cgroup of pod {ns}/{pod} ({uid})");
        await ProcessRunner.RunAsync(
            "nsenter",
            [$"--net=/proc/{pid}/ns/net", "nft", "-f", "-"],
            new ProcessOptions
            {
                StandardInput = $$"""
                    flush ruleset
                    table inet nmt {
                      chain {{hook}} {
                        type filter hook {{hook}} priority 0; policy accept;
                        {{string.Join("\n    ", rules)}}
                      }
                    }
                    """,
            });
    }

    private static int? ProcessOf(string uid)
    {
        // cgroupfs writes the UID as it is, the systemd driver with underscores.
        var names = new[] { $"pod{uid}", $"pod{uid.Replace('-', '_')}" };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadLines(Path.Combine(directory, "cgroup")).Any(line => names.Any(name => line.Contains(name, StringComparison.Ordinal))))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return null;
    }
}
