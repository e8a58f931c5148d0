using System.Text;

namespace NetworkMachinery.Netm.Images.Recipes;

/// <summary>
/// The few files a program in a minimal image expects besides its libraries: users and groups (root, and nobody for
/// servers that drop privileges, such as dnsmasq) and a world-writable /tmp.
/// </summary>
internal static class BaseFiles
{
    /// <summary>Adds /etc/passwd, /etc/group and /tmp.</summary>
    public static RootFilesystem AddTo(RootFilesystem root) => root
        .AddContent("etc/passwd", Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"))
        .AddContent("etc/group", Encoding.ASCII.GetBytes("root:x:0:\nnogroup:x:65534:\n"))
        .AddDirectory("tmp", (UnixFileMode)0b1_111_111_111);
}
