using System.Collections.Concurrent;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>Which instance (by leader-election identity) reconciled which object, shared by the operator hosts of a test.</summary>
public sealed class ReconcileLog
{
    private readonly ConcurrentQueue<(string Identity, string Name)> _entries = new();

    public IReadOnlyList<(string Identity, string Name)> Entries => [.. _entries];

    public void Add(string identity, string name) => _entries.Enqueue((identity, name));
}
