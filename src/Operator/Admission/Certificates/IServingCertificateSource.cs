using System.Security.Cryptography.X509Certificates;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>Where the webhook's TLS listener takes its certificate from, at each handshake (so rotation needs no restart).</summary>
public interface IServingCertificateSource
{
    /// <summary>The certificate to serve, with its private key; null until one is loaded (handshakes fail until then).</summary>
    X509Certificate2? Current { get; }

    /// <summary>One line for <c>/readyz</c>: which certificate is served, or why none is yet.</summary>
    string State { get; }
}
