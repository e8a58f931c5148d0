using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>
/// client-go's leader elector on a Lease. A candidate reads the lease every jittered retry period and takes it when it
/// is free, or when the record has not changed for the holder's lease duration as measured on this instance's own
/// clock from when it saw the change (no trust in other clocks). The leader runs its work with a token, renews every
/// retry period, and when it cannot renew within the renew deadline cancels the work and goes back to standing by.
/// On shutdown it stops the work first, then releases the lease so a standby takes over at once.
/// </summary>
internal sealed class LeaderElector : ILeaderElector
{
    private readonly LeaderElectionOptions _options;
    private readonly ILeaseStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Gauge.Child _leaderGauge;
    private readonly Counter.Child _acquired;
    private readonly Counter.Child _lost;
    private LeaseRecord? _observed;
    private DateTimeOffset _observedAt;
    private long _lastContactTicks;
    private string? _reportedHolder;
    private volatile string? _leader;
    private volatile bool _isLeader;
    private volatile bool _running;

    public LeaderElector(LeaderElectionOptions options, ILeaseStore store, LeaderElectionMetrics metrics, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _options = options;
        _store = store;
        _time = time;
        _logger = logger;
        _leaderGauge = metrics.Leader.WithLabels(options.Lease);
        _acquired = metrics.Acquired.WithLabels(options.Lease);
        _lost = metrics.Lost.WithLabels(options.Lease);
        _leaderGauge.Set(0);
    }

    public string Identity => _options.Identity;

    public bool IsLeader => _isLeader;

    public string? Leader => _leader;

    public bool IsHealthy =>
        _running
        && Interlocked.Read(ref _lastContactTicks) is var contact and > 0
        && _time.GetUtcNow().UtcTicks - contact <= _options.LeaseDuration.Ticks;

    /// <summary>
    /// Stands for election until <paramref name="cancellationToken"/> is cancelled, running <paramref name="whileLeading"/>
    /// each time this instance leads, with a token cancelled when it stops leading.
    /// </summary>
    /// <exception cref="Exception">Whatever <paramref name="whileLeading"/> threw, after the lease was released.</exception>
    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        _running = true;
        try
        {
            while (await AcquireAsync(cancellationToken))
            {
                if (!await LeadAsync(whileLeading, cancellationToken))
                {
                    return;
                }
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>
    /// One attempt: read the lease, then create, take over or renew it as client-go's <c>tryAcquireOrRenew</c> does.
    /// True when this instance holds the lease afterwards.
    /// </summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            var lease = await _store.GetAsync(_options.LeaseNamespace, _options.LeaseName, cancellationToken);
            if (lease is null)
            {
                lease = new V1Lease
                {
                    ApiVersion = "coordination.k8s.io/v1",
                    Kind = "Lease",
                    Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _options.LeaseNamespace },
                };
                Held(now, 0).ApplyTo(lease);
                return Observe(await _store.CreateAsync(lease, cancellationToken), now);
            }

            var record = LeaseRecord.From(lease);
            Observe(record, now);
            if (record.Holder is { } holder && holder != Identity && _observedAt + TimeSpan.FromSeconds(record.DurationSeconds) > now)
            {
                return false;
            }

            // Renewing keeps the acquire time and the count of transitions; taking over starts a new term.
            var next = record.Holder == Identity
                ? record with { DurationSeconds = LeaseSeconds, RenewTime = now.UtcDateTime }
                : Held(now, record.Transitions + 1);
            next.ApplyTo(lease);
            return Observe(await _store.ReplaceAsync(lease, cancellationToken), now);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or a renewal's deadline passed: the caller tells which.
            return false;
        }
        catch (Exception e)
        {
            if (ApiErrors.IsTransient(e))
            {
                LeaderElectionLog.Unreachable(_logger, _options.Lease, e.Message);
            }
            else
            {
                LeaderElectionLog.Failed(_logger, _options.Lease, e);
            }

            return false;
        }
    }

    private int LeaseSeconds => (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);

    private LeaseRecord Held(DateTimeOffset now, int transitions) =>
        new(Identity, LeaseSeconds, now.UtcDateTime, now.UtcDateTime, transitions);

    private bool Observe(V1Lease? written, DateTimeOffset now)
    {
        if (written is null)
        {
            return false;
        }

        Observe(LeaseRecord.From(written), now);
        return true;
    }

    private void Observe(LeaseRecord record, DateTimeOffset now)
    {
        if (record != _observed)
        {
            _observed = record;
            _observedAt = now;
        }

        Interlocked.Exchange(ref _lastContactTicks, now.UtcTicks);
        _leader = record.Holder;
        if (record.Holder is { } holder && holder != Identity && holder != _reportedHolder)
        {
            LeaderElectionLog.StandingBy(_logger, Identity, _options.Lease, holder);
        }

        _reportedHolder = record.Holder;
    }

    /// <summary>Tries until this instance holds the lease (true) or it is cancelled (false).</summary>
    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(cancellationToken))
            {
                return true;
            }

            var jittered = _options.RetryPeriod * (1 + (Random.Shared.NextDouble() * LeaderElectionOptions.JitterFactor));
            if (!await DelayAsync(jittered, cancellationToken))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Leads until the lease is lost (true: stand for election again) or the election is over (false).</summary>
    private async Task<bool> LeadAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        SetLeader(true);
        LeaderElectionLog.Acquired(_logger, Identity, _options.Lease);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => whileLeading(leading.Token), CancellationToken.None);
        var renewing = RenewAsync(leading.Token);
        var first = await Task.WhenAny(work, renewing);
        var lost = first == renewing && !await renewing;
        if (lost)
        {
            SetLeader(false);
            _lost.Inc();
            LeaderElectionLog.Lost(_logger, Identity, _options.Lease, _options.RenewDeadline);
        }

        leading.Cancel();
        await renewing;
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // The work honoured the cancellation it was given.
        }
        finally
        {
            SetLeader(false);

            // Released only once the work stopped, so two instances never run controllers at the same time.
            if (!lost && _options.ReleaseOnShutdown)
            {
                await ReleaseAsync();
            }
        }

        return lost && !cancellationToken.IsCancellationRequested;
    }

    /// <summary>Renews every retry period; false when a renewal did not succeed within the renew deadline, true when cancelled.</summary>
    private async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        while (await DelayAsync(_options.RetryPeriod, cancellationToken))
        {
            using var deadline = new CancellationTokenSource(_options.RenewDeadline, _time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var renewed = false;
            while (!attempt.IsCancellationRequested && !(renewed = await TryAcquireOrRenewAsync(attempt.Token)))
            {
                await DelayAsync(_options.RetryPeriod, attempt.Token);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return true;
            }

            if (!renewed)
            {
                return false;
            }
        }

        return true;
    }

    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var lease = await _store.GetAsync(_options.LeaseNamespace, _options.LeaseName, timeout.Token);
            if (lease is null || LeaseRecord.From(lease).Holder != Identity)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            new LeaseRecord(null, 1, now, now, LeaseRecord.From(lease).Transitions).ApplyTo(lease);
            if (await _store.ReplaceAsync(lease, timeout.Token) is not null)
            {
                _leader = null;
                LeaderElectionLog.Released(_logger, Identity, _options.Lease);
            }
        }
        catch (Exception e)
        {
            LeaderElectionLog.ReleaseFailed(_logger, Identity, _options.Lease, e.Message);
        }
    }

    private void SetLeader(bool leading)
    {
        if (leading && !_isLeader)
        {
            _acquired.Inc();
        }

        _isLeader = leading;
        _leaderGauge.Set(leading ? 1 : 0);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
