using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Health;

/// <summary>The operator's HTTP endpoints for Kubernetes probes and Prometheus.</summary>
public static class OperatorEndpoints
{
    /// <summary>
    /// Maps <c>/healthz</c> (200 while the process serves: liveness), <c>/readyz</c> (200 when informers synced and the
    /// leader election is healthy, else 503; the body says which part is not) and <c>/metrics</c> (the registry in
    /// Prometheus' text format).
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var health = endpoints.ServiceProvider.GetRequiredService<OperatorHealth>();
        var registry = endpoints.ServiceProvider.GetRequiredService<CollectorRegistry>();

        RequestDelegate healthz = context => context.Response.WriteAsync("ok\n", context.RequestAborted);
        RequestDelegate readyz = context =>
        {
            var (ready, report) = health.Readiness();
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsync(report, context.RequestAborted);
        };
        RequestDelegate metrics = async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        };
        endpoints.MapGet("/healthz", healthz);
        endpoints.MapGet("/readyz", readyz);
        endpoints.MapGet("/metrics", metrics);
        return endpoints;
    }
}
