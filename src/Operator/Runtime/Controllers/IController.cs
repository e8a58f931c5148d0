using NetworkMachinery.Operator.Runtime.Informers;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>A controller as the operator's runner sees it: run while leading, stopped when not.</summary>
internal interface IController
{
    /// <summary>The controller's name.</summary>
    string Name { get; }

    /// <summary>The informers it needs synced before its workers start: its own kind's and those it watches.</summary>
    IReadOnlyList<IInformer> Informers { get; }

    /// <summary>
    /// Queues every cached object, reconciles until <paramref name="stoppingToken"/> is cancelled, then lets reconciles
    /// in progress finish (up to the drain timeout). Can run again afterwards, e.g. when leadership returns.
    /// </summary>
    Task RunAsync(CancellationToken stoppingToken);
}
