using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NetworkMachinery.Prober.Native;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Runs short pieces of work, such as creating a socket, inside other network namespaces, on one dedicated long-lived
/// thread. setns moves only the calling thread, so no thread-pool thread ever changes namespace, and a socket keeps the
/// namespace it was created in wherever it is used afterwards. One switcher serves the whole process; work is done in
/// order. The thread stays in a namespace while more work for it is queued (a burst of probes from one pod costs one
/// setns, not two per socket) and returns to its own namespace whenever the queue runs empty. Callers never block:
/// they await the work's task, which completes on the thread pool.
/// </summary>
public sealed class NamespaceSwitcher : IDisposable
{
    private readonly BlockingCollection<Work> _work = new();
    private readonly Thread _thread;
    private readonly SafeFileHandle _home;
    private volatile string? _failure;
    private long _switches;

    /// <summary>Starts the thread and opens its own network namespace, to return to whenever it runs out of work.</summary>
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
                Serve(home!);
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

    /// <summary>Setns calls the thread has made so far, into other namespaces and back: what batching saves.</summary>
    public long Switches => Interlocked.Read(ref _switches);

    /// <summary>
    /// Runs <paramref name="action"/> inside the network namespace at <paramref name="namespacePath"/> (a
    /// <c>/proc/PID/ns/net</c> or <c>/run/netns/NAME</c> file); the task completes with its result, or with
    /// <see cref="IOException"/> when the namespace does not exist (any more) or cannot be entered.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The switcher was disposed.</exception>
    public Task<T> RunAsync<T>(string namespacePath, Func<T> action)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespacePath);
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfFailed();
        var work = new Work<T>(namespacePath, action);
        try
        {
            _work.Add(work);
        }
        catch (InvalidOperationException)
        {
            ThrowIfFailed();
            throw new ObjectDisposedException(nameof(NamespaceSwitcher));
        }

        return work.Completion.Task;
    }

    /// <summary>
    /// Runs <paramref name="action"/> inside the namespace and waits for it (see <see cref="RunAsync{T}"/>): for
    /// start-up code only; probes await <see cref="RunAsync{T}"/> so that no pool thread waits for the switcher.
    /// </summary>
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

    private void Serve(SafeFileHandle home)
    {
        // The namespace the thread is in: null for its own.
        string? current = null;
        while (true)
        {
            if (!_work.TryTake(out var work))
            {
                // Nothing queued: go home before waiting, so that no namespace is kept entered while idle.
                if (current is not null && !ReturnHome(home))
                {
                    return;
                }

                current = null;
                if (!_work.TryTake(out work, Timeout.Infinite))
                {
                    return;
                }
            }

            if (_failure is not null)
            {
                work.Fail(new IOException($"Network namespace switching is broken: {_failure}."));
                continue;
            }

            if (!string.Equals(work.NamespacePath, current, StringComparison.Ordinal))
            {
                try
                {
                    using (var target = OpenNamespace(work.NamespacePath))
                    {
                        Enter(target, work.NamespacePath);
                    }
                }
                catch (IOException e)
                {
                    // setns failed, so the thread is still where it was.
                    work.Fail(e);
                    continue;
                }

                current = work.NamespacePath;
            }

            work.Run();
        }
    }

    private bool ReturnHome(SafeFileHandle home)
    {
        Interlocked.Increment(ref _switches);
        if (NamespaceCalls.SetNamespace(home, NamespaceCalls.CloneNewNet) == 0)
        {
            return true;
        }

        // Stuck in a foreign namespace: anything more done here would happen in the wrong place. Fail the work still
        // queued and what comes later, and let the thread end.
        _failure = $"the switcher thread cannot return to its own network namespace (errno {Marshal.GetLastPInvokeError()})";
        _work.CompleteAdding();
        var broken = new IOException($"Network namespace switching is broken: {_failure}.");
        foreach (var pending in _work.GetConsumingEnumerable())
        {
            pending.Fail(broken);
        }

        return false;
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

    private void Enter(SafeFileHandle target, string path)
    {
        Interlocked.Increment(ref _switches);
        if (NamespaceCalls.SetNamespace(target, NamespaceCalls.CloneNewNet) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot enter network namespace {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }
    }

    /// <summary>A piece of work and the namespace it must run in.</summary>
    private abstract class Work(string namespacePath)
    {
        public string NamespacePath { get; } = namespacePath;

        public abstract void Run();

        public abstract void Fail(Exception error);
    }

    private sealed class Work<T>(string namespacePath, Func<T> action) : Work(namespacePath)
    {
        // Continuations run elsewhere: awaiting code must never resume on the switcher's thread.
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run()
        {
            try
            {
                Completion.SetResult(action());
            }
            catch (Exception e)
            {
                Completion.SetException(e);
            }
        }

        public override void Fail(Exception error) => Completion.SetException(error);
    }
}
