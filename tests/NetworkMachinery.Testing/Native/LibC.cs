using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NetworkMachinery.Testing.Native;

/// <summary>The few libc calls .NET has no API for: sending any signal, and entering a network namespace.</summary>
internal static partial class LibC
{
    /// <summary><c>CLONE_NEWNET</c>: the namespace type for <see cref="SetNamespace"/>.</summary>
    public const int CloneNewNet = 0x40000000;

    /// <summary><c>ESRCH</c>: no such process (or process group).</summary>
    public const int NoSuchProcess = 3;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNamespace(SafeFileHandle fd, int namespaceType);
}
