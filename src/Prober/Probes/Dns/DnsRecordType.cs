namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>The resource record types the resolver asks for or follows.</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    CName = 5,
    Aaaa = 28,
}
