using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>What to write for one recorded event: a new Event, or the Event already written with its count and times moved on.</summary>
/// <param name="Event">The Event in full (a patch that finds it gone, expired by the API server's event TTL, creates it again).</param>
/// <param name="IsNew">Whether to create it; else to patch its count, last timestamp and message.</param>
internal sealed record EventWrite(Corev1Event Event, bool IsNew);
