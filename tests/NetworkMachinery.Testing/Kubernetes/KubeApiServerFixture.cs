using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// One real apiserver (with its etcd) shared by the test classes of an xunit collection fixture: a cold start costs
/// seconds. A test may stop and start the apiserver as long as it leaves it running.
/// </summary>
public sealed class KubeApiServerFixture : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private KubeApiServer? _server;

    public KubeApiServerFixture(IMessageSink sink) => _sink = sink;

    public KubeApiServer Server => _server ?? throw new InvalidOperationException("The apiserver has not started.");

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        _sink.OnMessage(new DiagnosticMessage(
            $"kube-apiserver on {_server.Server}: etcd started in {_server.EtcdStartTime.TotalSeconds:0.0} s, the apiserver in {_server.ApiServerStartTime.TotalSeconds:0.0} s"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
