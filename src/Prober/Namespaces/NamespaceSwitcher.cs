using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NetworkMachinery.Prober.Native;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Runs short pieces of work, such as creating a socket, inside other network namespaces, on one dedicated long-lived
/// thread: it enters the namespace, runs the work and returns to its own namespace before the next piece. setns moves
/// only the calling thread, so no thread-pool thread ever changes namespace, and a socket keeps the namespace it was
/// created in wherever it is used afterwards. One switcher serves the whole process; work is done in order.
/// </summary>
public sealed class NamespaceSwitcher : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;
    private readonly SafeFileHandle _home;
    private volatile string? _failure;

    /// <summary>Starts the thread and opens its own network namespace, to return to after every piece of work.</summary>
    /// <exception cref="IOException">The thread's network namespace cannot be opened.</exception>
    public NamespaceSwitcher()
    {
        // /proc/thread-self, not /proc/self: the namespace to return to is the one this thread starts in, which is the
        // process's unless some other thread of it switched (the main thread is the one /proc/self shows).
        SafeFileHandle? home = null;
        Exception? openError = null;
        using var opened = new ManualResetEventSlim();
        _thread = new Thread(() =>
        {
            try
            {
                home = OpenNamespace("/proc/thread-self/ns/net");
            }
            catch (IOException e)
            {
                openError = e;
            }

            opened.Set();
            if (openError is null)
            {
                Serve();
            }
        })
        {
            IsBackground = true,
            Name = "netns switcher",
        };
        _thread.Start();
        opened.Wait();
        if (openError is not null)
        {
            throw new IOException($"Cannot open the prober's own network namespace: {openError.Message}", openError);
        }

        _home = home!;
    }

    /// <summary>
    /// Runs <paramref name="action"/> inside the network namespace at <paramref name="namespacePath"/> (a
    /// <c>/proc/PID/ns/net</c> or <c>/run/netns/NAME</c> file) and returns its result once done.
    /// </summary>
    /// <exception cref="IOException">The namespace does not exist (any more) or cannot be entered.</exception>
    /// <exception cref="ObjectDisposedException">The switcher was disposed.</exception>
    public Task<T> RunAsync<T>(string namespacePath, Func<T> action)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespacePath);
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfFailed();

        // Continuations run elsewhere: awaiting code must never resume on the switcher's thread.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Work()
        {
            try
            {
                ThrowIfFailed();
                using (var target = OpenNamespace(namespacePath))
                {
                    Enter(target, namespacePath);
                }

                completion.SetResult(action());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        }

        try
        {
            _work.Add(Work);
        }
        catch (InvalidOperationException)
        {
            ThrowIfFailed();
            throw new ObjectDisposedException(nameof(NamespaceSwitcher));
        }

        return completion.Task;
    }

    /// <summary>Runs <paramref name="action"/> inside the namespace and waits for it (see <see cref="RunAsync{T}"/>).</summary>
    public T Run<T>(string namespacePath, Func<T> action) => RunAsync(namespacePath, action).GetAwaiter().GetResult();

    /// <summary>Finishes the work queued so far and stops the thread.</summary>
    public void Dispose()
    {
        if (_work.IsAddingCompleted)
        {
            return;
        }

        _work.CompleteAdding();
        _thread.Join();
        _home.Dispose();
        _work.Dispose();
    }

    private void Serve()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
            if (NamespaceCalls.SetNamespace(_home, NamespaceCalls.CloneNewNet) != 0)
            {
                // Stuck in a foreign namespace: anything more done here would happen in the wrong place. Fail the work
                // still queued (it sees the failure before entering anything) and let the thread end.
                _failure = $"the switcher thread cannot return to its own network namespace (errno {Marshal.GetLastPInvokeError()})";
                _work.CompleteAdding();
                foreach (var pending in _work.GetConsumingEnumerable())
                {
                    pending();
                }

                return;
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"Network namespace switching is broken: {failure}.");
        }
    }

    private static SafeFileHandle OpenNamespace(string path)
    {
        try
        {
            return File.OpenHandle(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Network namespace {path} cannot be opened: {e.Message}", e);
        }
    }

    private static void Enter(SafeFileHandle target, string path)
    {
        if (NamespaceCalls.SetNamespace(target, NamespaceCalls.CloneNewNet) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot enter network namespace {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }
    }
}
