using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Delivery.Payloads;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using Prometheus;

namespace NetworkMachinery.Benchmarks.Delivery;

/// <summary>
/// What delivery adds to an HTTP POST: one event delivered to a Kestrel receiver on loopback that answers 200, by
/// <see cref="NotificationDelivery"/> (payload, signature, rate limiter, metrics, status report to a sink that keeps
/// nothing) against the baseline, the same client POSTing a ready-made body of the same size.
/// </summary>
[MemoryDiagnoser]
public class DeliveryBenchmarks
{
    private WebApplication _receiver = null!;
    private HttpClient _http = null!;
    private NotificationDelivery _delivery = null!;
    private Uri _url = null!;
    private byte[] _body = null!;
    private NetworkEvent _event = null!;
    private NotificationChannel[] _webhook = null!;
    private NotificationChannel[] _slack = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _receiver = builder.Build();
        _receiver.MapPost("/{**path}", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
        });
        _receiver.StartAsync().GetAwaiter().GetResult();
        _url = new Uri(new Uri(_receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/events");

        _http = new HttpClient();
        var secrets = new StaticSecretResolver([new("hook/hmac", "0123456789abcdef0123456789abcdef")]);
        _delivery = new NotificationDelivery(_http, secrets, DeliveryPolicy.Default, new DeliveryRateLimit { PerSecond = 1e9, Burst = 1_000_000 },
            new DeliveryMetrics(Metrics.NewCustomRegistry()), TimeProvider.System, NullLogger<NotificationDelivery>.Instance);
        _event = new NetworkEvent
        {
            EventId = "ddos/10.1.0.1/1",
            Kind = NetworkEvent.Types.Kind.ThresholdRaised,
            Monitor = new NetworkEvent.Types.MonitorRef { Namespace = "default", Name = "ddos-monitor", Uid = "uid" },
            Threshold = new NetworkEvent.Types.Threshold { Name = "ddos", FlowName = "tcp", Metric = "frames", Value = 100, WindowNs = 10_000_000_000, ByFlow = true },
            FlowKey = { ["srcAddr"] = "10.1.0.1", ["dstAddr"] = "10.1.0.2" },
            Value = 250,
            AgentAddress = "192.0.2.1",
            InterfaceName = "veth1",
            RaisedAtNs = 1_764_000_000_000_000_000,
        };
        for (var i = 0; i < 5; i++)
        {
            _event.TopTalkers.Add(new NetworkEvent.Types.Talker { Key = { ["srcAddr"] = $"10.1.0.{i + 1}", ["dstAddr"] = "10.1.0.2" }, Value = 250 - (i * 10) });
        }

        _body = WebhookPayload.Create(_event);
        _webhook = [new NotificationChannel { Name = "hook", Webhook = new WebhookChannel { Url = _url.AbsoluteUri, HmacSecretRef = new SecretKeyReference { Name = "hook", Key = "hmac" } } }];
        _slack = [new NotificationChannel { Name = "ops", Slack = new SlackChannel { Url = _url.AbsoluteUri } }];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _receiver.StopAsync().GetAwaiter().GetResult();
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task RawPost()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(_url, content);
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public Task SignedWebhook() => _delivery.DeliverAsync(_event, _webhook, DiscardingSink.Instance, default);

    [Benchmark]
    public Task Slack() => _delivery.DeliverAsync(_event, _slack, DiscardingSink.Instance, default);

    // A delivery that did not go through first time would retry after a second and show as such in the figures.
    private sealed class DiscardingSink : IDeliveryStatusSink
    {
        public static readonly DiscardingSink Instance = new();

        public Task ReportAsync(NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
