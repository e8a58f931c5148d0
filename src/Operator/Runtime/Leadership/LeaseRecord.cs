using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>client-go's <c>LeaderElectionRecord</c>: the fields of a Lease's spec that leader election reads and writes.</summary>
/// <param name="Holder">The identity holding the lease; null when free.</param>
/// <param name="DurationSeconds">The holder's lease duration.</param>
/// <param name="AcquireTime">When the holder took the lease.</param>
/// <param name="RenewTime">When the holder last renewed it.</param>
/// <param name="Transitions">How many times the lease changed hands.</param>
internal readonly record struct LeaseRecord(string? Holder, int DurationSeconds, DateTime? AcquireTime, DateTime? RenewTime, int Transitions)
{
    public static LeaseRecord From(V1Lease lease)
    {
        var spec = lease.Spec ?? new V1LeaseSpec();
        return new LeaseRecord(
            string.IsNullOrEmpty(spec.HolderIdentity) ? null : spec.HolderIdentity,
            spec.LeaseDurationSeconds ?? 0,
            spec.AcquireTime,
            spec.RenewTime,
            spec.LeaseTransitions ?? 0);
    }

    public void ApplyTo(V1Lease lease)
    {
        lease.Spec ??= new V1LeaseSpec();
        lease.Spec.HolderIdentity = Holder;
        lease.Spec.LeaseDurationSeconds = DurationSeconds;
        lease.Spec.AcquireTime = AcquireTime;
        lease.Spec.RenewTime = RenewTime;
        lease.Spec.LeaseTransitions = Transitions;
    }
}
