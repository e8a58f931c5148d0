using System.Net;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// One record of a response's answer section that the resolver understands: an address (A, AAAA) with
/// <see cref="Address"/> set, or an alias (CNAME) with <see cref="CanonicalName"/> set.
/// </summary>
internal readonly record struct DnsAnswer(string Name, DnsRecordType Type, uint Ttl, IPAddress? Address, string? CanonicalName);
