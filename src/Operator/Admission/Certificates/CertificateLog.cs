using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>The webhook certificates' log messages, with stable event ids.</summary>
internal static partial class CertificateLog
{
    [LoggerMessage(911, LogLevel.Information, "Webhook: serving {Subject} ({Thumbprint}) from {Directory}")]
    public static partial void Loaded(ILogger logger, string subject, string thumbprint, string directory);

    [LoggerMessage(912, LogLevel.Warning, "Webhook: {Directory}: {Problem}; the certificate loaded before is still served")]
    public static partial void DirectoryUnreadable(ILogger logger, string directory, string problem);

    [LoggerMessage(913, LogLevel.Information, "Webhook: created Secret {Namespace}/{Name} with a new certificate authority and serving certificate for {Names}")]
    public static partial void SecretCreated(ILogger logger, string @namespace, string name, string names);

    [LoggerMessage(914, LogLevel.Information, "Webhook: renewed the certificate in Secret {Namespace}/{Name}: {Reason}")]
    public static partial void SecretRenewed(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(915, LogLevel.Information, "Webhook: serving {Subject} ({Thumbprint}) from Secret {Namespace}/{Name}, valid until {NotAfter:u}")]
    public static partial void Serving(ILogger logger, string subject, string thumbprint, string @namespace, string name, DateTime notAfter);

    [LoggerMessage(916, LogLevel.Error, "Webhook: {Problem}; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, string problem, TimeSpan delay, Exception exception);

    [LoggerMessage(917, LogLevel.Information, "Webhook: set the caBundle of {Count} webhook(s) of ValidatingWebhookConfiguration {Name}")]
    public static partial void CaBundlePatched(ILogger logger, int count, string name);

    [LoggerMessage(918, LogLevel.Information, "Webhook: ValidatingWebhookConfiguration {Name} does not exist (yet); its caBundle is set as soon as it is created")]
    public static partial void ConfigurationMissing(ILogger logger, string name);
}
