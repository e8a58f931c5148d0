using System.Text;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Leadership;

namespace NetworkMachinery.Operator.Runtime.Health;

/// <summary>
/// What <c>/readyz</c> answers: ready when every informer has synced, every <see cref="IReadinessCheck"/> passes and,
/// with leader election, the election is healthy, whether this instance leads or stands by (a standby with a warm cache
/// is ready to take over).
/// </summary>
internal sealed class OperatorHealth
{
    private readonly InformerFactory _informers;
    private readonly ILeaderElector? _elector;
    private readonly IReadOnlyList<IReadinessCheck> _checks;

    public OperatorHealth(InformerFactory informers, ILeaderElector? elector = null, IEnumerable<IReadinessCheck>? checks = null)
    {
        _informers = informers;
        _elector = elector;
        _checks = checks?.ToArray() ?? [];
    }

    /// <summary>Whether the operator is ready, and one line per informer and for the election saying why.</summary>
    public (bool Ready, string Report) Readiness()
    {
        var ready = true;
        var report = new StringBuilder();
        foreach (var informer in _informers.Informers.OrderBy(informer => informer.Type.ToString(), StringComparer.Ordinal))
        {
            ready &= informer.HasSynced;
            report.Append("informer ").Append(informer.Type).Append(informer.Namespace is { } ns ? $" in {ns}" : string.Empty)
                .Append(": ").AppendLine(informer.HasSynced ? "synced" : "not synced");
        }

        foreach (var check in _checks)
        {
            var (checkReady, checkReport) = check.Check();
            ready &= checkReady;
            report.AppendLine(checkReport);
        }

        if (_elector is not null)
        {
            ready &= _elector.IsHealthy;
            var state = _elector.IsLeader
                ? "leading"
                : $"standing by (leader: {_elector.Leader ?? "none"})";
            report.Append("leader election as ").Append(_elector.Identity).Append(": ").Append(state)
                .AppendLine(_elector.IsHealthy ? string.Empty : ", unhealthy: the lease was not reached within its duration");
        }

        return (ready, report.ToString());
    }
}
