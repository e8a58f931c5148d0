namespace NetworkMachinery.SFlow;

/// <summary>The family of an <see cref="IpAddressValue"/>.</summary>
public enum IpFamily : byte
{
    /// <summary>No address: the field was absent.</summary>
    None = 0,

    /// <summary>An IPv4 address.</summary>
    IPv4 = 4,

    /// <summary>An IPv6 address.</summary>
    IPv6 = 6,
}
