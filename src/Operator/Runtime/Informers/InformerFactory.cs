using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// client-go's shared informer factory: one informer per object type and namespace, however many controllers and
/// reconcilers ask for it, so each kind is listed and watched once. Informers asked for after <see cref="RunAsync"/>
/// started run at once.
/// </summary>
internal sealed class InformerFactory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string? Namespace), IRunnableInformer> _informers = [];
    private readonly List<Task> _running = [];
    private readonly IKubernetes _kubernetes;
    private readonly InformerOptions _options;
    private readonly InformerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private CancellationToken? _runToken;

    public InformerFactory(IKubernetes kubernetes, InformerOptions options, InformerMetrics metrics, TimeProvider time, ILoggerFactory loggers)
    {
        _kubernetes = kubernetes;
        _options = options;
        _metrics = metrics;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>Every informer made so far.</summary>
    public IReadOnlyList<IInformer> Informers
    {
        get
        {
            lock (_gate)
            {
                return [.. _informers.Values];
            }
        }
    }

    /// <summary>The informer for <typeparamref name="T"/> in <paramref name="namespace"/> (null: all namespaces).</summary>
    public IInformer<T> Get<T>(string? @namespace = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            if (_informers.TryGetValue((typeof(T), @namespace), out var existing))
            {
                return (IInformer<T>)existing;
            }

            var informer = new Informer<T>(
                new ResourceClient<T>(_kubernetes), @namespace, _options, _metrics, _time, _loggers.CreateLogger<Informer<T>>());
            _informers[(typeof(T), @namespace)] = informer;
            if (_runToken is { } token)
            {
                _running.Add(Task.Run(() => informer.RunAsync(token), CancellationToken.None));
            }

            return informer;
        }
    }

    /// <summary>Runs every informer, those made later included, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_runToken is not null)
            {
                throw new InvalidOperationException("The informers run already.");
            }

            _runToken = cancellationToken;
            foreach (var informer in _informers.Values)
            {
                _running.Add(Task.Run(() => informer.RunAsync(cancellationToken), CancellationToken.None));
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: wait for the loops below.
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }
}
