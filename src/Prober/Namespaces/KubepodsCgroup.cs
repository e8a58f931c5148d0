namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Recognises a pod's cgroup in a <c>/proc/PID/cgroup</c> file. The kubelet puts every container of a pod below a
/// cgroup named after the pod's UID inside the <c>kubepods</c> hierarchy, whatever the runtime:
/// <c>/kubepods/besteffort/pod&lt;uid&gt;/&lt;container&gt;</c> with the cgroupfs driver, and
/// <c>/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod&lt;uid with _&gt;.slice/cri-containerd-&lt;id&gt;.scope</c>
/// with the systemd driver, on cgroup v1 (one line per hierarchy) and v2 (one <c>0::</c> line) alike.
/// </summary>
internal static class KubepodsCgroup
{
    /// <summary>True when one of <paramref name="cgroupLines"/> places the process in the pod <paramref name="uid"/>.</summary>
    public static bool HoldsPod(IEnumerable<string> cgroupLines, string uid)
    {
        // systemd unit names cannot hold '-' inside a name part, so its driver writes the UID with '_'.
        var dashed = "pod" + uid.Replace('_', '-');
        var underscored = "pod" + uid.Replace('-', '_');
        foreach (var line in cgroupLines)
        {
            // hierarchy-ID:controllers:path; the path may itself hold ':' only in exotic setups, so take all after the second.
            var first = line.IndexOf(':', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(':', first + 1);
            if (second < 0)
            {
                continue;
            }

            var path = line.AsSpan(second + 1);
            if (path.Contains("kubepods", StringComparison.Ordinal)
                && (ContainsSegmentPart(path, dashed) || ContainsSegmentPart(path, underscored)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a UID as Kubernetes writes it (hex digits and dashes), or with underscores.</summary>
    public static bool IsValidUid(string uid) =>
        uid.Length is > 0 and <= 64 && uid.All(c => char.IsAsciiHexDigit(c) || c is '-' or '_');

    // The pod part ends the segment ("pod<uid>") or is followed by ".slice"; a longer UID sharing the prefix must not match.
    private static bool ContainsSegmentPart(ReadOnlySpan<char> path, string podPart)
    {
        var at = path.IndexOf(podPart, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + podPart.Length;
            if (end == path.Length || path[end] is '/' or '.')
            {
                return true;
            }

            var next = path[(at + 1)..].IndexOf(podPart, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }
}
