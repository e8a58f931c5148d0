using System.Net.Sockets;
using System.Runtime.CompilerServices;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Prober.Metrics;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes;

namespace NetworkMachinery.Prober.Execution;

/// <summary>
/// Runs probe tasks: finds the source's network namespace, runs a probe per target (all targets of a task at once,
/// within the node's and the source pod's concurrency limits, each bounded in time so that a stuck one never holds
/// the others) and yields each target's result as it finishes. What the network or the node does wrong (a pod not
/// found, a probe kind this prober lacks, a probe that fails) becomes an Error or Timeout result, never an exception.
/// </summary>
public sealed class ProbeRunner : IProbeTaskRunner, IDisposable
{
    private const string HostKey = "host";

    private readonly ProberOptions _options;
    private readonly INamespaceResolver _resolver;
    private readonly NamespaceSwitcher _switcher;
    private readonly SourceAddresses _sourceAddresses;
    private readonly Dictionary<ProbeResult.Types.ProbeType, ITargetProbe> _probes;
    private readonly TimeProvider _time;
    private readonly ProberMetrics? _metrics;
    private readonly SemaphoreSlim _nodeSlots;
    private readonly KeyedConcurrencyLimiter _podSlots;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Limits and defaults.</param>
    /// <param name="resolver">Finds a source pod's network namespace.</param>
    /// <param name="switcher">Enters the namespaces to create the probes' sockets.</param>
    /// <param name="probes">The probe kinds this prober has, at most one per probe type.</param>
    /// <param name="time">The clock for start and finish times and the probes' bounds; the system's by default.</param>
    /// <param name="metrics">Where to count probes and tasks; none by default.</param>
    /// <exception cref="ArgumentException">Two probes of one type, or options that cannot work.</exception>
    public ProbeRunner(
        ProberOptions options,
        INamespaceResolver resolver,
        NamespaceSwitcher switcher,
        IEnumerable<ITargetProbe> probes,
        TimeProvider? time = null,
        ProberMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(switcher);
        ArgumentNullException.ThrowIfNull(probes);
        options.Validate();
        _options = options;
        _resolver = resolver;
        _switcher = switcher;
        _probes = [];
        foreach (var probe in probes)
        {
            if (!_probes.TryAdd(probe.Type, probe))
            {
                throw new ArgumentException($"Two probes of type {probe.Type}: {_probes[probe.Type].GetType().Name} and {probe.GetType().Name}.", nameof(probes));
            }
        }

        _time = time ?? TimeProvider.System;
        _sourceAddresses = new SourceAddresses(switcher, _time);
        _metrics = metrics;
        _nodeSlots = new SemaphoreSlim(options.MaxConcurrentProbesPerNode, options.MaxConcurrentProbesPerNode);
        _podSlots = new KeyedConcurrencyLimiter(options.MaxConcurrentProbesPerPod);
    }

    /// <summary>
    /// Runs <paramref name="task"/> and yields one result per target and probe type (a layer 3 task with path MTU:
    /// two per target), in the order they finish. Cancelling stops the probes still running and ends the sequence with
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<ProbeResult> RunAsync(ProbeTask task, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        _metrics?.CountTask();
        var source = ResolveSource(task);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probes = PlannedProbe.Plan(task).Select(planned => RunTargetAsync(task, source, planned, stop.Token)).ToList();
        try
        {
            await foreach (var finished in Task.WhenEach(probes).WithCancellation(cancellationToken))
            {
                yield return await finished;
            }
        }
        finally
        {
            // The consumer stopped early or was cancelled: stop what still runs.
            await stop.CancelAsync();
        }
    }

    /// <summary>
    /// Frees the node's concurrency limiter and disposes the probes that hold resources (the ICMP probe's shared
    /// sockets): the runner owns the probes it was given. Call once no task runs any more.
    /// </summary>
    public void Dispose()
    {
        _nodeSlots.Dispose();
        foreach (var probe in _probes.Values.OfType<IDisposable>())
        {
            probe.Dispose();
        }
    }

    private ProbeSource ResolveSource(ProbeTask task)
    {
        var source = task.Source ?? new ProbeResult.Types.Source();
        if (source.Host)
        {
            return new ProbeSource(HostSocketFactory.Instance, null, null, HostKey, null);
        }

        var pod = new PodIdentity(source.PodNamespace, source.PodName, task.SourcePodUid);
        try
        {
            var resolved = _resolver.Resolve(pod);
            return new ProbeSource(new NamespaceSocketFactory(_switcher, resolved.NamespacePath), resolved.NamespacePath, resolved.ResolvConfPath, Key(pod), null);
        }
        catch (NamespaceNotFoundException e)
        {
            return new ProbeSource(null, null, null, Key(pod), $"source {pod}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ProbeSource(null, null, null, Key(pod), $"source {pod}: cannot look for its network namespace: {e.Message}");
        }

        static string Key(PodIdentity pod) => string.IsNullOrEmpty(pod.Uid) ? $"{pod.Namespace}/{pod.Name}" : pod.Uid;
    }

    private async Task<ProbeResult> RunTargetAsync(ProbeTask task, ProbeSource source, PlannedProbe planned, CancellationToken cancellationToken)
    {
        // Start asynchronously: planning the other targets must not wait for this one's first await.
        await Task.Yield();
        var result = NewResult(task, planned);
        var problem = planned.Problem ?? source.Problem;
        ITargetProbe? probe = null;
        if (problem is null && !_probes.TryGetValue(planned.Type, out probe))
        {
            problem = $"this prober has no {planned.Type} probe";
        }

        if (problem is not null || probe is null)
        {
            result.StartedAtNs = result.FinishedAtNs = Now();
            result.Verdict = ProbeResult.Types.Verdict.Error;
            result.ErrorReason = problem ?? "";
            _metrics?.CountProbe(planned.Type, result.Verdict, TimeSpan.Zero);
            return result;
        }

        var request = Request(task, source, planned.Target);
        using var podSlot = await _podSlots.AcquireAsync(source.LimiterKey, cancellationToken);
        await _nodeSlots.WaitAsync(cancellationToken);
        try
        {
            ProbeResult? lookup = null;
            if (planned.ResolveFirst)
            {
                var resolved = await ResolveAsync(task, planned, request, cancellationToken);
                if (resolved.Address is null)
                {
                    return resolved.Result;
                }

                lookup = resolved.Result;
                result.Destination.Address = resolved.Address;
                request = request with { Target = result.Destination.Clone() };
            }

            result = await ProbeAsync(probe, request, result, cancellationToken);
            if (lookup is not null)
            {
                result.Dns = lookup.Dns;
                result.StartedAtNs = lookup.StartedAtNs;
            }

            if (planned.PathMtu && result.Verdict == ProbeResult.Types.Verdict.Reachable && _probes.TryGetValue(ProbeResult.Types.ProbeType.Mtu, out var mtu))
            {
                var measured = await ProbeAsync(mtu, request, NewResult(task, planned with { Target = request.Target, Type = mtu.Type }), cancellationToken);
                result.PathMtu = measured.PathMtu;
                result.FinishedAtNs = measured.FinishedAtNs;
            }

            if (result.Source.Address.Length == 0)
            {
                result.Source.Address = await _sourceAddresses.OfAsync(source, FamilyOf(result.Destination));
            }

            return result;
        }
        finally
        {
            _nodeSlots.Release();
        }
    }

    // A DNS destination's name, resolved from the source: its first answer, or the DNS probe's result as the target's
    // result when there is none (an Error with the response code, a Timeout when no server answered).
    private async Task<(ProbeResult Result, string? Address)> ResolveAsync(ProbeTask task, PlannedProbe planned, ProbeRequest request, CancellationToken cancellationToken)
    {
        var lookup = NewResult(task, planned with { Type = ProbeResult.Types.ProbeType.Dns });
        if (!_probes.TryGetValue(ProbeResult.Types.ProbeType.Dns, out var dns))
        {
            lookup.StartedAtNs = lookup.FinishedAtNs = Now();
            lookup.Verdict = ProbeResult.Types.Verdict.Error;
            lookup.ErrorReason = $"this prober has no {ProbeResult.Types.ProbeType.Dns} probe to resolve {planned.Target.Name}";
            return (lookup, null);
        }

        lookup = await ProbeAsync(dns, request with { Count = 1 }, lookup, cancellationToken);
        var address = lookup.Verdict == ProbeResult.Types.Verdict.Reachable
            ? lookup.Dns?.Answers.FirstOrDefault(answer => System.Net.IPAddress.TryParse(answer, out _))
            : null;
        if (address is null && lookup.Verdict == ProbeResult.Types.Verdict.Reachable)
        {
            lookup.Verdict = ProbeResult.Types.Verdict.Error;
            lookup.ErrorReason = $"{planned.Target.Name} resolved to no address";
        }

        return (lookup, address);
    }

    private async Task<ProbeResult> ProbeAsync(ITargetProbe probe, ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        var bound = (request.Interval * (request.Count - 1)) + request.Timeout + _options.ProbeSlack;
        using var deadline = new CancellationTokenSource(bound, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _time.GetTimestamp();
        result.StartedAtNs = Now();
        using (_metrics?.TrackInFlight(probe.Type))
        {
            try
            {
                // The probe runs apart from this method, so that one ignoring cancellation is still left behind at the bound.
                await Task.Run(() => probe.RunAsync(request, result, linked.Token), linked.Token).WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = Restart(result);
                result.Verdict = ProbeResult.Types.Verdict.Timeout;
                result.ErrorReason = $"the {probe.Type} probe did not finish within {SocketErrors.FormatDuration(bound)}";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = Restart(result);
                result.Verdict = ProbeResult.Types.Verdict.Error;
                result.ErrorReason = $"the {probe.Type} probe failed: {e.Message}";
            }
        }

        if (result.Verdict == ProbeResult.Types.Verdict.Unspecified)
        {
            result.Verdict = ProbeResult.Types.Verdict.Error;
            result.ErrorReason = $"the {probe.Type} probe gave no verdict";
        }

        result.FinishedAtNs = Now();
        _metrics?.CountProbe(probe.Type, result.Verdict, _time.GetElapsedTime(started));
        return result;
    }

    private ProbeRequest Request(ProbeTask task, ProbeSource source, ProbeResult.Types.Destination target) => new()
    {
        Sockets = source.Sockets!,
        Target = target,
        Count = (int)Math.Clamp(task.Count, 1u, (uint)_options.MaxCount),
        Interval = task.IntervalNs == 0 ? _options.DefaultInterval : FromNanoseconds(task.IntervalNs),
        Timeout = task.TimeoutNs == 0 ? _options.DefaultTimeout : FromNanoseconds(task.TimeoutNs),
        PayloadSize = task.PayloadSize == 0 ? _options.DefaultPayloadSize : (int)Math.Min(task.PayloadSize, int.MaxValue),
        ResolvConfPath = source.ResolvConfPath,
    };

    private ProbeResult NewResult(ProbeTask task, PlannedProbe planned)
    {
        var source = task.Source?.Clone() ?? new ProbeResult.Types.Source();
        if (string.IsNullOrEmpty(source.Node))
        {
            source.Node = _options.NodeName;
        }

        return new ProbeResult
        {
            Test = task.Test?.Clone() ?? new ProbeResult.Types.TestRef(),
            RunId = task.RunId,
            Source = source,
            Destination = planned.Target.Clone(),
            ProbeType = planned.Type,
        };
    }

    // A probe left behind may still write into its result: the runner sends a fresh copy of the identifying fields.
    private static ProbeResult Restart(ProbeResult abandoned) => new()
    {
        Test = abandoned.Test,
        RunId = abandoned.RunId,
        Source = abandoned.Source,
        Destination = abandoned.Destination,
        ProbeType = abandoned.ProbeType,
        StartedAtNs = abandoned.StartedAtNs,
    };

    // The family the probe went out over; a target given by name that was never resolved counts as IPv4.
    private static AddressFamily FamilyOf(ProbeResult.Types.Destination destination) =>
        System.Net.IPAddress.TryParse(destination.Address, out var address) && !address.IsIPv4MappedToIPv6
            ? address.AddressFamily
            : AddressFamily.InterNetwork;

    private ulong Now() => (ulong)((_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100);

    // Cap at a day: a timeout beyond that is a mistake, and TimeSpan arithmetic on it must not overflow.
    private static TimeSpan FromNanoseconds(ulong nanoseconds) =>
        TimeSpan.FromTicks((long)Math.Min(nanoseconds / 100, (ulong)TimeSpan.TicksPerDay));
}
