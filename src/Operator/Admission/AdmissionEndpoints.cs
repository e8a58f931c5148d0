using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The admission webhook's HTTP endpoint.</summary>
public static class AdmissionEndpoints
{
    /// <summary>The path the API server posts reviews to, as a ValidatingWebhookConfiguration's clientConfig names it.</summary>
    public const string ValidatePath = "/validate";

    /// <summary>
    /// Maps <c>POST /validate</c>: admission reviews (admission.k8s.io/v1 or v1beta1) of the four networkmachinery.io
    /// kinds, answered in the review's version. Needs <see cref="AdmissionServiceCollectionExtensions.AddAdmissionValidation"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapAdmissionWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<AdmissionReviewHandler>();
        endpoints.MapPost(ValidatePath, handler.HandleAsync);
        return endpoints;
    }
}
