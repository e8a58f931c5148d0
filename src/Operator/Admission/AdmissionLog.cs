using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The webhook's log messages, with stable event ids.</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(901, LogLevel.Debug, "Allowed {Operation} of {Kind} {Namespace}/{Name}")]
    public static partial void Allowed(ILogger logger, string operation, string kind, string? @namespace, string? name);

    [LoggerMessage(902, LogLevel.Information, "Denied {Operation} of {Kind} {Namespace}/{Name}: {Message}")]
    public static partial void Denied(ILogger logger, string operation, string kind, string? @namespace, string? name, string message);

    [LoggerMessage(903, LogLevel.Warning, "Allowed {Operation} of {Kind} without validating it: the webhook validates networkmachinery.io kinds only; the ValidatingWebhookConfiguration's rules send it more than they should")]
    public static partial void UnknownKind(ILogger logger, string operation, string kind);

    [LoggerMessage(904, LogLevel.Warning, "Answered 400 to a malformed admission review from {Remote}: {Problem}")]
    public static partial void Malformed(ILogger logger, string? remote, string problem);
}
