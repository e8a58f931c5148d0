using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.ApiServer;

/// <summary>A <see cref="KubeApiServer"/> of its own (not the shared one): disposing it leaves nothing behind.</summary>
public sealed class KubeApiServerDisposeTests
{
    [Fact]
    public async Task Dispose_StopsEtcdAndTheApiServer_AndDeletesTheDirectory()
    {
        await using var server = await KubeApiServer.StartAsync();
        var directory = server.Directory;
        int[] groups = [server.EtcdProcessId, server.ApiServerProcessId!.Value];
        Assert.All(groups, pid => Assert.Contains(directory, ProcessIds.ReadCommandLine(pid), StringComparison.Ordinal));

        await server.DisposeAsync();

        Assert.All(groups, group => Assert.False(ProcessIds.IsGroupRunning(group)));
        Assert.False(Directory.Exists(directory));
    }
}
