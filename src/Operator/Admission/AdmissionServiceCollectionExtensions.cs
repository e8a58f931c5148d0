using System.Net;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Admission.Certificates;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Runtime.Hosting;
using Prometheus;

namespace NetworkMachinery.Operator.Admission;

/// <summary>Registers the admission webhook: the review handler, its HTTPS listener and its certificates.</summary>
public static class AdmissionServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="AdmissionEndpoints.MapAdmissionWebhook"/> needs to answer reviews: the handler and its metrics
    /// (in the <see cref="CollectorRegistry"/> registered before, else the default one).
    /// </summary>
    public static IServiceCollection AddAdmissionValidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.TryAddSingleton<AdmissionMetrics>();
        services.TryAddSingleton<AdmissionReviewHandler>();
        return services;
    }

    /// <summary>
    /// Serves the webhook over HTTPS on <paramref name="listen"/> (map it with <see cref="AdmissionEndpoints.MapAdmissionWebhook"/>)
    /// with the certificate of <paramref name="options"/>: from its directory, or self-managed in a Secret with the
    /// authority patched into the ValidatingWebhookConfiguration. Every replica serves, leader or not, and
    /// <c>/readyz</c> waits for a certificate. Call after <see cref="OperatorServiceCollectionExtensions.AddOperatorRuntime"/>.
    /// </summary>
    /// <exception cref="WebhookCertificateException">The certificate directory lacks tls.crt or tls.key, or they cannot be loaded.</exception>
    public static WebApplicationBuilder AddAdmissionWebhook(this WebApplicationBuilder builder, IPEndPoint listen, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        services.AddAdmissionValidation();
        services.AddSingleton(options);
        if (options.CertificateDirectory is { } directory)
        {
            // Checked now, so that a wrong directory stops the start with its reason rather than fail every handshake.
            CertificateDirectorySource.Check(directory);
            services.AddSingleton(provider => new CertificateDirectorySource(
                directory, options.RecheckInterval, provider.GetRequiredService<ILogger<CertificateDirectorySource>>()));
            services.AddSingleton<IServingCertificateSource>(provider => provider.GetRequiredService<CertificateDirectorySource>());
            services.AddHostedService(provider => provider.GetRequiredService<CertificateDirectorySource>());
        }
        else
        {
            services.AddInformer<V1ValidatingWebhookConfiguration>();
            services.AddSingleton<WebhookSecret>();
            services.AddSingleton<CaBundleInjector>();
            services.AddSingleton<SecretCertificateManager>();
            services.AddSingleton<IServingCertificateSource>(provider => provider.GetRequiredService<SecretCertificateManager>());
            services.AddHostedService(provider => provider.GetRequiredService<SecretCertificateManager>());
        }

        services.AddSingleton<IReadinessCheck, WebhookReadiness>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var certificates = kestrel.ApplicationServices.GetRequiredService<IServingCertificateSource>();
            kestrel.Listen(listen, endpoint => endpoint.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificates.Current));
        });
        return builder;
    }
}
