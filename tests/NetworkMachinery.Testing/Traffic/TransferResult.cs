using System.Net;

namespace NetworkMachinery.Testing.Traffic;

/// <summary>What a TCP or UDP exchange used and delivered.</summary>
/// <param name="Client">The sending socket's address and (ephemeral) port.</param>
/// <param name="Server">The receiving socket's address and port.</param>
/// <param name="Bytes">Payload bytes the server received.</param>
/// <param name="Messages">Datagrams the server received (UDP), or 1 for the TCP stream.</param>
public sealed record TransferResult(IPEndPoint Client, IPEndPoint Server, long Bytes, int Messages);
