using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The cgroups the kubelet (cgroupfs driver) makes for the pods, <c>kubepods</c> and everything below it, in every
/// cgroup hierarchy of the host: the processes in them are the pods' containers.
/// </summary>
internal static class Kubepods
{
    private const string CgroupRoot = "/sys/fs/cgroup";
    private const string Name = "kubepods";

    /// <summary>SIGKILLs every process in the pods' cgroups.</summary>
    public static int KillProcesses()
    {
        var pids = Cgroups().SelectMany(Processes).Distinct().ToList();
        foreach (var pid in pids)
        {
            LinuxProcess.Signal(pid, LinuxProcess.Kill);
        }

        return pids.Count;
    }

    /// <summary>Removes the pods' cgroups, deepest first; returns how many (a cgroup that still holds a process stays).</summary>
    public static int Remove()
    {
        var removed = 0;
        foreach (var cgroup in Cgroups().OrderByDescending(path => path.Length))
        {
            try
            {
                // rmdir(2): a cgroup's directory goes with its control files.
                Directory.Delete(cgroup, recursive: false);
                removed++;
            }
            catch (IOException)
            {
                // Busy: a process is still in it; down reports what is left.
            }
        }

        return removed;
    }

    /// <summary>Every pod cgroup directory, in every hierarchy (cgroup v1, or the one v2 tree).</summary>
    private static List<string> Cgroups()
    {
        if (!Directory.Exists(CgroupRoot))
        {
            return [];
        }

        var roots = Directory.GetDirectories(CgroupRoot).Append(CgroupRoot).Select(hierarchy => Path.Combine(hierarchy, Name)).Where(Directory.Exists);
        return roots.SelectMany(root => Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root)).ToList();
    }

    private static IEnumerable<int> Processes(string cgroup)
    {
        var procs = Path.Combine(cgroup, "cgroup.procs");
        try
        {
            return File.ReadAllLines(procs).Where(line => line.Length > 0).Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
