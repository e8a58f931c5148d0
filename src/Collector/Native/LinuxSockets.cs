using System.Runtime.InteropServices;

namespace NetworkMachinery.Collector.Native;

/// <summary>
/// The Linux socket calls that .NET does not expose: batched datagram I/O (<c>recvmmsg</c>, <c>sendmmsg</c>),
/// which moves up to a few hundred datagrams per system call, and the socket options around them.
/// </summary>
internal static unsafe partial class LinuxSockets
{
    public const int SolSocket = 1;
    public const int SoReusePort = 15;
    public const int SoRcvTimeo = 20;
    public const int SoRcvBufForce = 33;
    public const int MsgWaitForOne = 0x10000;
    public const int MsgTrunc = 0x20;
    public const int Eintr = 4;
    public const int Eagain = 11;
    public const int Ebadf = 9;
    public const int Enotsock = 88;
    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int ONonBlock = 0x800;
    public const int Enobufs = 105;
    public const int Econnrefused = 111;

    /// <summary>Size of <c>struct sockaddr_in6</c>, the largest address a UDP socket reports.</summary>
    public const int SockaddrIn6Size = 28;

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMmsg(int fd, MMsgHdr* messages, uint count, int flags, TimeSpec* timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMmsg(int fd, MMsgHdr* messages, uint count, int flags);

    /// <summary><c>nanosleep</c>: sleeps for less than the millisecond that <see cref="Thread.Sleep(int)"/> is limited to.</summary>
    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    public static partial int NanoSleep(TimeSpec* request, TimeSpec* remaining);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    /// <summary>Puts the descriptor in blocking mode, which the receive loops rely on (with a receive timeout to see shutdown).</summary>
    public static void SetBlocking(int fd)
    {
        var flags = Fcntl(fd, FGetFl, 0);
        if (flags < 0 || ((flags & ONonBlock) != 0 && Fcntl(fd, FSetFl, flags & ~ONonBlock) < 0))
        {
            throw new IOException($"fcntl on socket {fd} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary><c>struct iovec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary><c>struct msghdr</c> (x86-64 and arm64 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary><c>struct mmsghdr</c>: a message header and the length the kernel received or sent.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    /// <summary><c>struct timespec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
