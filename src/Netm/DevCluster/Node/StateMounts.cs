using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The mounts the node leaves under its state directory (containers' root filesystems, the pods' network namespaces
/// and shm, the kubelet's volumes), which must go before the directory can.
/// </summary>
internal static partial class StateMounts
{
    private const int Detach = 2;

    /// <summary>Unmounts every mount at or below <paramref name="directory"/>, deepest first; returns how many.</summary>
    public static int UnmountUnder(string directory)
    {
        var prefix = directory.TrimEnd('/') + "/";
        var mounts = File.ReadLines("/proc/self/mountinfo")
            .Select(line => Unescape(line.Split(' ')[4]))
            .Where(point => point.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct()
            .OrderByDescending(point => point.Length)
            .ToList();
        foreach (var point in mounts)
        {
            if (Unmount(point, Detach) != 0)
            {
                throw new DevClusterException($"umount {point} failed: errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        return mounts.Count;
    }

    // mountinfo writes space, tab, newline and backslash as octal escapes.
    private static string Unescape(string field) =>
        OctalEscape().Replace(field, match => ((char)Convert.ToInt32(match.Groups[1].Value, 8)).ToString());

    [GeneratedRegex(@"\\([0-7]{3})")]
    private static partial Regex OctalEscape();

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unmount(string target, int flags);
}
