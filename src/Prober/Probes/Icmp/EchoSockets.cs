using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// The shared <see cref="EchoSocket"/>s of an ICMP probe, one per network namespace (by
/// <see cref="ISocketFactory.Identity"/>) and address family: opened by the first probe that needs one, held by
/// every probe running on it, closed once no probe has used it for the idle time (a pod that is gone must not keep
/// its namespace alive through our socket) or when the prober stops. A socket whose receive loop failed is replaced
/// by a new one for the next probe.
/// </summary>
/// <param name="time">The clock of the idle timers.</param>
/// <param name="idleTime">How long an unused socket stays open.</param>
internal sealed class EchoSockets(TimeProvider time, TimeSpan idleTime) : IDisposable
{
    private readonly Dictionary<(string Namespace, AddressFamily Family), Entry> _entries = [];
    private bool _disposed;

    /// <summary>Sockets open (or opening) now.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The socket of <paramref name="sockets"/>' namespace for <paramref name="family"/>, if open: for tests.</summary>
    public EchoSocket? Find(ISocketFactory sockets, AddressFamily family)
    {
        lock (_entries)
        {
            return _entries.TryGetValue((sockets.Identity, family), out var entry) && entry.Opening.IsCompletedSuccessfully
                ? entry.Opening.Result
                : null;
        }
    }

    /// <summary>
    /// The echo socket of <paramref name="sockets"/>' namespace for <paramref name="family"/>, opened if there is
    /// none (or the one there failed); dispose the lease when the probe is done with it.
    /// </summary>
    /// <exception cref="SocketException">The raw socket cannot be created (no CAP_NET_RAW).</exception>
    /// <exception cref="IOException">The namespace cannot be entered.</exception>
    /// <exception cref="ObjectDisposedException">The probe was disposed.</exception>
    public async Task<Lease> AcquireAsync(ISocketFactory sockets, AddressFamily family)
    {
        var key = (sockets.Identity, family);
        Entry entry;
        lock (_entries)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_entries.TryGetValue(key, out entry!) || entry.Opening is { IsFaulted: true } or { IsCompletedSuccessfully: true, Result.Failed: true })
            {
                entry = new Entry(EchoSocket.OpenAsync(sockets, family, time));
                _entries[key] = entry;
            }

            entry.Users++;
            entry.Idle?.Dispose();
            entry.Idle = null;
        }

        try
        {
            return new Lease(this, key, entry, await entry.Opening.ConfigureAwait(false));
        }
        catch
        {
            lock (_entries)
            {
                // Not kept: the next probe tries again.
                entry.Users--;
                if (_entries.TryGetValue(key, out var current) && current == entry)
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }
    }

    /// <summary>Closes every socket; probes still waiting on one fail.</summary>
    public void Dispose()
    {
        List<Entry> entries;
        lock (_entries)
        {
            _disposed = true;
            entries = [.. _entries.Values];
            _entries.Clear();
        }

        foreach (var entry in entries)
        {
            Close(entry);
        }
    }

    private void Release((string, AddressFamily) key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users > 0 || !_entries.TryGetValue(key, out var current) || current != entry)
            {
                return;
            }

            entry.Idle = time.CreateTimer(_ => CloseIfIdle(key, entry), null, idleTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void CloseIfIdle((string, AddressFamily) key, Entry entry)
    {
        lock (_entries)
        {
            if (entry.Users > 0 || !_entries.TryGetValue(key, out var current) || current != entry)
            {
                return;
            }

            _entries.Remove(key);
        }

        Close(entry);
    }

    private static void Close(Entry entry)
    {
        entry.Idle?.Dispose();
        if (entry.Opening.IsCompletedSuccessfully)
        {
            entry.Opening.Result.Dispose();
        }
        else
        {
            // Still opening: close it once open.
            _ = entry.Opening.ContinueWith(
                opened => opened.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    /// <summary>A probe's hold on a socket.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly EchoSockets _owner;
        private readonly (string, AddressFamily) _key;
        private readonly Entry _entry;
        private int _released;

        public Lease(EchoSockets owner, (string, AddressFamily) key, Entry entry, EchoSocket socket)
        {
            _owner = owner;
            _key = key;
            _entry = entry;
            Socket = socket;
        }

        /// <summary>The socket held.</summary>
        public EchoSocket Socket { get; }

        /// <summary>Gives the socket back; the last one out starts its idle timer.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _owner.Release(_key, _entry);
            }
        }
    }

    /// <summary>A namespace's socket and who holds it.</summary>
    internal sealed class Entry(Task<EchoSocket> opening)
    {
        public Task<EchoSocket> Opening { get; } = opening;

        public int Users { get; set; }

        public ITimer? Idle { get; set; }
    }
}
