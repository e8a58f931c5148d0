using System.Collections.Concurrent;
using System.Globalization;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Finds a pod's network namespace the way that works with any container runtime: a process of the pod (every
/// container and the sandbox share its network namespace) is one whose cgroup path holds the pod's UID, and its
/// namespace is <c>/proc/PID/ns/net</c>. The pod's resolv.conf is that of one of its containers,
/// <c>/proc/PID/root/etc/resolv.conf</c> (the sandbox's pause image has none). A found process is remembered and
/// checked again before reuse, so only the first task of a pod scans <c>/proc</c>.
/// </summary>
/// <param name="procRoot">Where procfs is mounted; <c>/proc</c> (the agent runs with the host's PID namespace).</param>
public sealed class ProcPodResolver(string procRoot = "/proc") : INamespaceResolver
{
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ResolvedNamespace Resolve(PodIdentity pod)
    {
        if (string.IsNullOrEmpty(pod.Uid))
        {
            throw new NamespaceNotFoundException($"The task for {pod} carries no pod UID, which the prober finds the pod's network namespace by.");
        }

        if (!KubepodsCgroup.IsValidUid(pod.Uid))
        {
            throw new NamespaceNotFoundException($"'{pod.Uid}' ({pod}) is not a pod UID.");
        }

        if (_known.TryGetValue(pod.Uid, out var knownPid) && BelongsToPod(knownPid, pod.Uid))
        {
            return Describe(knownPid);
        }

        int? found = null;
        foreach (var pid in ProcessIds())
        {
            if (!BelongsToPod(pid, pod.Uid))
            {
                continue;
            }

            found ??= pid;
            if (File.Exists(ResolvConfOf(pid)))
            {
                found = pid;
                break;
            }
        }

        if (found is not { } processId)
        {
            _known.TryRemove(pod.Uid, out _);
            throw new NamespaceNotFoundException(
                $"No process of {pod} on this node: no {procRoot}/PID/cgroup path in the kubepods hierarchy holds its UID (is the pod running here?).");
        }

        _known[pod.Uid] = processId;
        return Describe(processId);
    }

    private ResolvedNamespace Describe(int pid)
    {
        var resolvConf = ResolvConfOf(pid);
        return new ResolvedNamespace(
            Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "ns", "net"),
            File.Exists(resolvConf) ? resolvConf : null);
    }

    private string ResolvConfOf(int pid) => Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "root", "etc", "resolv.conf");

    private IEnumerable<int> ProcessIds()
    {
        foreach (var directory in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(directory.AsSpan()), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private bool BelongsToPod(int pid, string uid)
    {
        try
        {
            return KubepodsCgroup.HoldsPod(
                File.ReadLines(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "cgroup")), uid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked, or is not ours to read.
            return false;
        }
    }
}
