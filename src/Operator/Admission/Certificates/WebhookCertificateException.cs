namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>The webhook's certificate cannot be had as configured (a certificate directory without a usable pair); the message says how to fix it.</summary>
public sealed class WebhookCertificateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookCertificateException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public WebhookCertificateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public WebhookCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
