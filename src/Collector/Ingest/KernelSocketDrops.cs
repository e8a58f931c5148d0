using System.Globalization;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>
/// Reads how many datagrams the kernel dropped on our sockets because their receive buffers were full: the
/// <c>drops</c> column of /proc/net/udp and /proc/net/udp6, matched by socket inode. These never reach the
/// collector, so only the kernel can tell.
/// </summary>
internal sealed class KernelSocketDrops
{
    private readonly HashSet<long> _inodes;
    private readonly string _procNet;

    public KernelSocketDrops(IEnumerable<int> fileDescriptors, string procRoot = "/proc")
    {
        _procNet = Path.Combine(procRoot, "net");
        _inodes = [.. fileDescriptors.Select(fd => SocketInode(procRoot, fd)).Where(inode => inode > 0)];
    }

    /// <summary>Total drops over our sockets since they were created; 0 where /proc is not readable.</summary>
    public long Read()
    {
        long drops = 0;
        foreach (var file in new[] { "udp", "udp6" })
        {
            var path = Path.Combine(_procNet, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var line in File.ReadLines(path).Skip(1))
            {
                drops += ParseDrops(line, _inodes);
            }
        }

        return drops;
    }

    /// <summary>The drops of one /proc/net/udp line, if its inode (column 10) is one of ours; the drops are the last column.</summary>
    internal static long ParseDrops(string line, IReadOnlySet<long> inodes)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13
            || !long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            || !inodes.Contains(inode))
        {
            return 0;
        }

        return long.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var drops) ? drops : 0;
    }

    private static long SocketInode(string procRoot, int fd)
    {
        // /proc/self/fd/N links to "socket:[INODE]".
        var target = new FileInfo(Path.Combine(procRoot, "self", "fd", fd.ToString(CultureInfo.InvariantCulture))).LinkTarget;
        if (target is null || !target.StartsWith("socket:[", StringComparison.Ordinal))
        {
            return 0;
        }

        return long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode) ? inode : 0;
    }
}
