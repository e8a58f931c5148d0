namespace NetworkMachinery.Prober.Probes.Mtu;

/// <summary>What became of one echo request sent with Don't Fragment.</summary>
internal enum EchoAnswerKind
{
    /// <summary>The destination answered: the size passed.</summary>
    Reply,

    /// <summary>Too big: the local interface refused it (EMSGSIZE) or a hop sent "fragmentation needed" / "packet too big".</summary>
    TooBig,

    /// <summary>An ICMP destination unreachable other than fragmentation needed.</summary>
    Unreachable,

    /// <summary>No answer within the timeout.</summary>
    Silence,
}
