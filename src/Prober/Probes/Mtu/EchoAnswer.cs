namespace NetworkMachinery.Prober.Probes.Mtu;

/// <summary>The answer to one echo request.</summary>
/// <param name="Kind">What came back.</param>
/// <param name="Mtu">For <see cref="EchoAnswerKind.TooBig"/> from a hop: the MTU it reported (0 when it did not say).</param>
/// <param name="Reason">For <see cref="EchoAnswerKind.Unreachable"/>: the ICMP message and who sent it.</param>
/// <param name="Rtt">For <see cref="EchoAnswerKind.Reply"/>: the round-trip time.</param>
internal readonly record struct EchoAnswer(EchoAnswerKind Kind, int Mtu = 0, string? Reason = null, TimeSpan Rtt = default);
