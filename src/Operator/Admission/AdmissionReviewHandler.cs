using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Admission;

/// <summary>
/// Answers the API server's admission reviews of the four networkmachinery.io kinds with <see cref="ResourceValidator"/>'s
/// verdict: CREATE and UPDATE of an invalid object are denied with 422 Invalid and every problem in the message;
/// everything else is allowed.
/// </summary>
/// <remarks>
/// A review of any other kind is allowed, with a warning to the client and in the log, rather than denied: it can only
/// come from a ValidatingWebhookConfiguration whose rules match more than these kinds, and denying would then block
/// unrelated objects (pods, say) across the whole cluster for a configuration mistake.
/// </remarks>
internal sealed class AdmissionReviewHandler
{
    private const string Unknown = "unknown";

    // A generic call per kind keeps reading the object free of reflection on types (the operator is trimmable).
    private static readonly Dictionary<string, Func<string, object?>> Readers = new(StringComparer.Ordinal)
    {
        [V1Alpha1NetworkConnectivityTest.KubeKind] = json => KubernetesJson.Deserialize<V1Alpha1NetworkConnectivityTest>(json),
        [V1Alpha1NetworkTrafficShaper.KubeKind] = json => KubernetesJson.Deserialize<V1Alpha1NetworkTrafficShaper>(json),
        [V1Alpha1NetworkMonitor.KubeKind] = json => KubernetesJson.Deserialize<V1Alpha1NetworkMonitor>(json),
        [V1Alpha1NetworkNotification.KubeKind] = json => KubernetesJson.Deserialize<V1Alpha1NetworkNotification>(json),
    };

    private readonly AdmissionMetrics _metrics;
    private readonly ILogger _logger;

    public AdmissionReviewHandler(AdmissionMetrics metrics, ILogger<AdmissionReviewHandler> logger)
    {
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Reads a review from the request's body and writes the answer in the review's own version; a body that is not a
    /// review gets 400 with a plain-text reason.
    /// </summary>
    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var (review, problem) = await ReadAsync(context.Request, context.RequestAborted);
        if (review?.Request is not { } request)
        {
            AdmissionLog.Malformed(_logger, context.Connection.RemoteIpAddress?.ToString(), problem!);
            _metrics.Reviews.WithLabels(Unknown, Unknown, "malformed").Inc();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(problem + "\n", context.RequestAborted);
            return;
        }

        var kind = request.Kind?.Kind is { Length: > 0 } named ? named : Unknown;
        var response = Review(request);
        response.Uid = request.Uid;
        var answer = new AdmissionReview { ApiVersion = review.ApiVersion, Kind = AdmissionReview.ReviewKind, Response = response };
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, AdmissionJsonContext.Default.AdmissionReview, context.RequestAborted);
        _metrics.Reviews.WithLabels(kind, request.Operation ?? Unknown, response.Allowed ? "allowed" : "denied").Inc();
        _metrics.Duration.WithLabels(kind).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<(AdmissionReview? Review, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        AdmissionReview? review;
        try
        {
            review = await JsonSerializer.DeserializeAsync(request.Body, AdmissionJsonContext.Default.AdmissionReview, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not an AdmissionReview in JSON: {e.Message}");
        }

        var problem = review switch
        {
            null => "The body is not an AdmissionReview: it is JSON null.",
            { ApiVersion: not (AdmissionReview.V1 or AdmissionReview.V1Beta1) } =>
                $"apiVersion \"{review.ApiVersion}\" is not {AdmissionReview.V1} or {AdmissionReview.V1Beta1}; list one of them in the webhook's admissionReviewVersions.",
            { Kind: not AdmissionReview.ReviewKind } => $"kind \"{review.Kind}\" is not {AdmissionReview.ReviewKind}.",
            { Request: null } => "The AdmissionReview has no request.",
            { Request.Uid: null or "" } => "The AdmissionReview's request has no uid, which the answer must repeat.",
            _ => null,
        };
        return problem is null ? (review, null) : (null, problem);
    }

    /// <summary>The verdict on one request, without its uid.</summary>
    public AdmissionResponse Review(AdmissionRequest request)
    {
        var operation = request.Operation ?? Unknown;
        var kind = request.Kind?.Kind ?? Unknown;
        if (request.Kind?.Group != NetworkMachineryApi.Group || !Readers.TryGetValue(kind, out var read))
        {
            AdmissionLog.UnknownKind(_logger, operation, request.Kind?.ToString() ?? Unknown);
            return new AdmissionResponse
            {
                Allowed = true,
                Warnings = [$"The networkmachinery webhook validates networkmachinery.io kinds only, not {request.Kind}: narrow the rules of its ValidatingWebhookConfiguration."],
            };
        }

        // Status writes are the operator's own; only the object itself is the user's to get right.
        if (operation is not ("CREATE" or "UPDATE") || !string.IsNullOrEmpty(request.SubResource) || IsExempt(request))
        {
            AdmissionLog.Allowed(_logger, operation, kind, request.Namespace, request.Name);
            return new AdmissionResponse { Allowed = true };
        }

        object? resource;
        try
        {
            resource = request.Object is { ValueKind: JsonValueKind.Object } json ? read(json.GetRawText()) : null;
        }
        catch (JsonException e)
        {
            return Deny(request, HttpStatusCode.BadRequest, "BadRequest", $"The {kind} in the review cannot be read: {e.Message}", []);
        }

        if (resource is null)
        {
            return Deny(request, HttpStatusCode.BadRequest, "BadRequest", $"The review of a {operation} has no object.", []);
        }

        var errors = ResourceValidator.Validate(resource);
        if (errors.Count == 0)
        {
            AdmissionLog.Allowed(_logger, operation, kind, request.Namespace, request.Name);
            return new AdmissionResponse { Allowed = true };
        }

        return Deny(request, HttpStatusCode.UnprocessableEntity, "Invalid", Message(kind, request, errors), errors);
    }

    // An UPDATE that leaves the spec as it was (labels, annotations, finalizers) or touches an object being deleted
    // is allowed even when the object is invalid: such an object was stored before the webhook or its newest rules,
    // and the operator must still be able to remove its finalizer and users to label it.
    private static bool IsExempt(AdmissionRequest request) =>
        request is { Operation: "UPDATE", Object: { ValueKind: JsonValueKind.Object } current }
        && ((current.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("deletionTimestamp", out var deleting) && deleting.ValueKind == JsonValueKind.String)
            || (request.OldObject is { ValueKind: JsonValueKind.Object } old
                && current.TryGetProperty("spec", out var spec) && old.TryGetProperty("spec", out var oldSpec) && JsonElement.DeepEquals(spec, oldSpec)));

    // kubectl prints the message after 'admission webhook "..." denied the request: ', one problem per line.
    private static string Message(string kind, AdmissionRequest request, IReadOnlyList<FieldError> errors)
    {
        var name = string.IsNullOrEmpty(request.Name) ? "" : $" \"{request.Name}\"";
        if (errors.Count == 1)
        {
            return $"{kind}{name} is invalid: {errors[0]}";
        }

        var message = new StringBuilder($"{kind}{name} is invalid ({errors.Count} problems):");
        foreach (var error in errors)
        {
            message.Append("\n- ").Append(error);
        }

        return message.ToString();
    }

    private AdmissionResponse Deny(AdmissionRequest request, HttpStatusCode code, string reason, string message, IReadOnlyList<FieldError> errors)
    {
        AdmissionLog.Denied(_logger, request.Operation ?? Unknown, request.Kind?.Kind ?? Unknown, request.Namespace, request.Name, message);
        return new AdmissionResponse
        {
            Allowed = false,
            Status = new V1Status
            {
                Status = "Failure",
                Code = (int)code,
                Reason = reason,
                Message = message,
                Details = new V1StatusDetails
                {
                    Group = request.Kind?.Group,
                    Kind = request.Kind?.Kind,
                    Name = request.Name,
                    Causes = errors.Select(error => new V1StatusCause { Reason = "FieldValueInvalid", Field = error.Path, Message = error.Message }).ToList(),
                },
            },
        };
    }
}
