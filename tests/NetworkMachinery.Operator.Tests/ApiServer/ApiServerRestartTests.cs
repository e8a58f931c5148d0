using NetworkMachinery.Operator.Tests.ApiServer.Smoke;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.ApiServer;

/// <summary>
/// <see cref="KubeApiServer.StopApiServerAsync"/> and <see cref="KubeApiServer.StartApiServerAsync"/> restart the
/// apiserver alone, as the operator's tests need: etcd keeps the objects, clients reconnect.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class ApiServerRestartTests(KubeApiServerFixture fixture)
{
    private KubeApiServer Server => fixture.Server;

    [Fact]
    public async Task Restart_ObjectsSurviveInEtcd_AndTheSameClientReconnects()
    {
        using var client = Server.CreateClient();
        await GadgetDefinition.InstallAsync(client);
        var name = $"restarted-{UniqueId.Next()}";
        var created = await GadgetDefinition.CreateAsync(client, Gadget.Named(name, size: 4));
        await GadgetDefinition.PatchStatusAsync(client, name, new { status = new { phase = "Ready" } });
        var etcd = Server.EtcdProcessId;
        var before = Server.ApiServerProcessId!.Value;

        await Server.StopApiServerAsync();
        try
        {
            Assert.False(ProcessIds.IsRunning(before));
            Assert.True(ProcessIds.IsRunning(etcd));
            await Assert.ThrowsAsync<HttpRequestException>(() => GadgetDefinition.GetAsync(client, name));
        }
        finally
        {
            // The other tests of the collection need it running, whatever happened here.
            await Server.StartApiServerAsync();
        }

        var read = await GadgetDefinition.GetAsync(client, name);
        var patched = await GadgetDefinition.PatchAsync(client, name, new { spec = new { size = 6 } });

        Assert.NotEqual(before, Server.ApiServerProcessId);
        Assert.Equal(etcd, Server.EtcdProcessId);
        Assert.Equal((created.Metadata.Uid, 4, "Ready"), (read.Metadata.Uid, read.Spec?.Size, read.Status?.Phase));
        Assert.Equal((6, 2L), (patched.Spec?.Size, patched.Metadata.Generation));
    }
}
