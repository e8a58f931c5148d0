using System.Net;

namespace NetworkMachinery.Prober.Probes.Http;

/// <summary>What one HTTP request goes to: the endpoint to connect to and what the request says.</summary>
/// <param name="Endpoint">The address and port to connect to.</param>
/// <param name="Host">The Host header's value (a name, or an address, IPv6 in brackets, with the port if not the scheme's).</param>
/// <param name="ServerName">The TLS server name (SNI and the certificate's expected name); an address for IP targets.</param>
/// <param name="Path">The path and query, starting with <c>/</c>.</param>
/// <param name="Tls">True for HTTPS.</param>
/// <param name="SkipCertificateValidation">Accept any server certificate.</param>
internal sealed record HttpTarget(IPEndPoint Endpoint, string Host, string ServerName, string Path, bool Tls, bool SkipCertificateValidation);
