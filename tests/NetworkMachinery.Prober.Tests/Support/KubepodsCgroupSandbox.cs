using System.Globalization;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>
/// A kubepods-like cgroup path of our own in a cgroup v1 hierarchy (<c>pids</c>), below a unique root
/// (<c>/sys/fs/cgroup/pids/nmt-ID/...</c>), so that a real kubelet's hierarchy is never touched. Processes moved into
/// it look like a pod's containers to the resolver. Disposing removes the directories (once their processes are gone).
/// </summary>
internal sealed class KubepodsCgroupSandbox : IAsyncDisposable
{
    private const string Hierarchy = "/sys/fs/cgroup/pids";

    private readonly string _root;

    private KubepodsCgroupSandbox(string root, string leaf)
    {
        _root = root;
        Leaf = leaf;
    }

    /// <summary>The cgroup the processes go into.</summary>
    public string Leaf { get; }

    /// <summary>
    /// Creates <paramref name="relativePath"/> (e.g. <c>kubepods/besteffort/pod&lt;uid&gt;/ctr</c>) below a unique root.
    /// </summary>
    public static KubepodsCgroupSandbox Create(string relativePath)
    {
        if (!Directory.Exists(Hierarchy))
        {
            throw new InvalidOperationException($"The test needs the cgroup v1 hierarchy {Hierarchy}.");
        }

        var root = Path.Combine(Hierarchy, $"{UniqueId.Prefix}-{UniqueId.Next()}");
        var leaf = Path.Combine(root, relativePath);
        Directory.CreateDirectory(leaf);
        return new KubepodsCgroupSandbox(root, leaf);
    }

    /// <summary>Moves a process into the leaf cgroup.</summary>
    public Task AddAsync(int pid) => File.WriteAllTextAsync(Path.Combine(Leaf, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Removes the cgroups, leaf first; stop their processes before.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var directory = Leaf; directory.Length >= _root.Length; directory = Path.GetDirectoryName(directory)!)
        {
            var current = directory;

            // A process that just exited can keep its cgroup busy for a moment.
            await Poll.UntilAsync(() => TryRemove(current), TimeSpan.FromSeconds(10));
        }
    }

    private static bool TryRemove(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
