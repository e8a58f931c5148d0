using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NetworkMachinery.Prober.Native;

/// <summary>The libc call .NET has no API for: moving the calling thread into another network namespace.</summary>
internal static partial class NamespaceCalls
{
    /// <summary><c>CLONE_NEWNET</c>: the namespace type for <see cref="SetNamespace"/>.</summary>
    public const int CloneNewNet = 0x40000000;

    /// <summary><c>setns(2)</c>: moves the calling thread (only it) into the namespace <paramref name="fd"/> refers to.</summary>
    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNamespace(SafeFileHandle fd, int namespaceType);
}
