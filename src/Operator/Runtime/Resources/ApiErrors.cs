using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Tells the API server's answers apart, whichever way KubernetesClient reports them: an HTTP status on a request
/// (<see cref="HttpOperationException"/>) or a Status object in a watch's error event (<see cref="KubernetesException"/>).
/// </summary>
public static class ApiErrors
{
    /// <summary>The HTTP status code the API server answered with, or null when the exception is not an API answer.</summary>
    public static int? StatusCode(Exception exception) => exception switch
    {
        HttpOperationException { Response: { } response } => (int)response.StatusCode,
        KubernetesException { Status.Code: { } code } => code,
        _ => null,
    };

    /// <summary>409 Conflict: the object changed since it was read (a stale resourceVersion), or it exists already.</summary>
    public static bool IsConflict(Exception exception) => StatusCode(exception) == (int)HttpStatusCode.Conflict;

    /// <summary>404 Not Found.</summary>
    public static bool IsNotFound(Exception exception) => StatusCode(exception) == (int)HttpStatusCode.NotFound;

    /// <summary>
    /// 410 Gone, or a Status with reason Expired: the resourceVersion (or continue token) is older than the server keeps,
    /// so the only way on is to list again.
    /// </summary>
    public static bool IsGone(Exception exception) =>
        StatusCode(exception) == (int)HttpStatusCode.Gone
        || exception is KubernetesException { Status.Reason: "Expired" or "Gone" };

    /// <summary>
    /// 403 Forbidden because the namespace is being deleted: nothing new can be created in it, whatever the permissions.
    /// Without a namespace controller (a bare control plane) such a namespace stays so for good.
    /// </summary>
    public static bool IsNamespaceTerminating(Exception exception) =>
        StatusCode(exception) == (int)HttpStatusCode.Forbidden && exception switch
        {
            HttpOperationException { Response.Content: { } body } => body.Contains("\"NamespaceTerminating\"", StringComparison.Ordinal),
            KubernetesException { Status.Details.Causes: { } causes } => causes.Any(cause => cause.Reason == "NamespaceTerminating"),
            _ => false,
        };

    /// <summary>
    /// The API server could not be reached or asked to be retried later: a refused or broken connection, a timeout,
    /// 429 Too Many Requests, or a 5xx answer (a starting or stopping server answers 503). Normal while it restarts.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        if (StatusCode(exception) is { } code)
        {
            return code is (int)HttpStatusCode.TooManyRequests or >= 500;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or IOException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
