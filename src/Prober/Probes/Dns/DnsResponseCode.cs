namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>The response codes (RFC 1035 4.1.1) the resolver acts on, and their names as dig prints them.</summary>
internal static class DnsResponseCode
{
    public const int NoError = 0;
    public const int FormatError = 1;
    public const int ServerFailure = 2;
    public const int NameError = 3;
    public const int NotImplemented = 4;
    public const int Refused = 5;

    /// <summary>The code's mnemonic (<c>NXDOMAIN</c>, <c>SERVFAIL</c>, ...), or <c>RCODE n</c> for others.</summary>
    public static string Name(int code) => code switch
    {
        NoError => "NOERROR",
        FormatError => "FORMERR",
        ServerFailure => "SERVFAIL",
        NameError => "NXDOMAIN",
        NotImplemented => "NOTIMP",
        Refused => "REFUSED",
        _ => $"RCODE {code}",
    };
}
