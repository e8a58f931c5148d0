using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Admission;
using Prometheus;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>The webhook's endpoint alone in a real Kestrel on a free loopback port (plain HTTP: TLS is the certificate tests' business), with its own metrics registry.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, CollectorRegistry registry, Uri address)
    {
        _app = app;
        Registry = registry;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public CollectorRegistry Registry { get; }

    public static async Task<WebhookServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var registry = Metrics.NewCustomRegistry();
        builder.Services.AddSingleton(registry);
        builder.Services.AddAdmissionValidation();
        var app = builder.Build();
        app.MapAdmissionWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookServer(app, registry, new Uri(address));
    }

    /// <summary>A review as the API server writes it, with <paramref name="current"/> as object and <paramref name="old"/> as oldObject.</summary>
    public static string Review(string operation, object? current, object? old = null, string apiVersion = "admission.k8s.io/v1", string uid = "705ab4f5-6393-11e8-b7cc-42010a800002", string subResource = "")
    {
        var resource = (IKubernetesObject)(current ?? old)!;
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = "networkmachinery.io", ["version"] = "v1alpha1", ["kind"] = resource.Kind },
            ["resource"] = new JsonObject { ["group"] = "networkmachinery.io", ["version"] = "v1alpha1", ["resource"] = resource.Kind.ToLowerInvariant() + "s" },
            ["name"] = "test",
            ["namespace"] = "default",
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "admin" },
            ["object"] = current is null ? null : JsonNode.Parse(KubernetesJson.Serialize(current)),
            ["oldObject"] = old is null ? null : JsonNode.Parse(KubernetesJson.Serialize(old)),
            ["dryRun"] = false,
        };
        if (subResource.Length > 0)
        {
            request["subResource"] = subResource;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }

    /// <summary>Posts <paramref name="body"/> to /validate; the status code and the body as JSON (null when it is not JSON).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri("/validate", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return (response.StatusCode, json, text);
    }

    public async Task<string> MetricsAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
    }
}
