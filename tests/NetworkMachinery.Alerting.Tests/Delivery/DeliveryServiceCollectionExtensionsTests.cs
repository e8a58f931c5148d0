using k8s;
using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Operator.Entities;
using Prometheus;
using static NetworkMachinery.Alerting.Tests.Delivery.DeliveryFixtures;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>The registration: which secret resolver is used, and the HTTP client it sets up.</summary>
public sealed class DeliveryServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNotificationDelivery_NoResolverRegistered_ReadsSecretsFromKubernetes()
    {
        using var provider = Services().BuildServiceProvider();

        Assert.IsType<KubernetesSecretResolver>(provider.GetRequiredService<ISecretResolver>());
        Assert.NotNull(provider.GetRequiredService<NotificationDelivery>());
    }

    [Fact]
    public async Task AddNotificationDelivery_StaticResolverRegisteredBefore_IsUsed_AndRedirectsAreNotFollowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n == 1 ? new WebhookReceiver.Response(302, Location: receiver.Url("/moved")) : new WebhookReceiver.Response(200);
        var services = new ServiceCollection().AddSingleton<ISecretResolver>(new StaticSecretResolver([new("hook/url", receiver.Url())]));
        using var provider = Services(services).BuildServiceProvider();
        var sink = new RecordingSink();
        var channel = new NotificationChannel { Name = "hook", Webhook = new WebhookChannel { UrlSecretRef = new SecretKeyReference { Name = "hook", Key = "url" } } };

        await provider.GetRequiredService<NotificationDelivery>().DeliverAsync(Raised(), [channel], sink, default);

        // A followed redirect would have turned the POST into a GET to /moved.
        Assert.Equal(["/events"], receiver.Requests.Select(r => r.Path));
        var report = Assert.Single(sink.Reports).Delivery;
        Assert.Equal((DeliveryState.Failed, "HTTP 302 Found; not retried"), (report.State, report.LastError));
    }

    private static IServiceCollection Services(IServiceCollection? services = null) =>
        (services ?? new ServiceCollection())
            .AddLogging()
            .AddSingleton(Metrics.NewCustomRegistry())
            .AddSingleton<IKubernetes>(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }))
            .AddNotificationDelivery(FastPolicy);
}
