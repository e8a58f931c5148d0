using NetworkMachinery.Netm.Images;
using NetworkMachinery.Netm.Images.Recipes;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Operator.Tests.Images;

/// <summary>
/// The images imported into a real containerd (Debian's 1.6, runc) with <see cref="ContainerdImages"/> and run there
/// with <c>ctr run</c>, as the dev cluster's kubelet will run them.
/// </summary>
public sealed class ContainerdImagesTests : IClassFixture<ContainerdImagesFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ContainerdImagesFixture _fixture;

    public ContainerdImagesTests(ContainerdImagesFixture fixture) => _fixture = fixture;

    private PrivateContainerd Containerd => _fixture.Containerd;

    [Fact]
    public async Task Import_EveryImage_ListedUnderEachOfItsReferences()
    {
        var listed = await new ContainerdImages(Containerd.Address).ListAsync(CancellationToken.None);

        Assert.Contains(PauseImage.Reference, listed);
        Assert.Contains(BusyboxImage.Reference, listed);
        Assert.Contains(DnsmasqImage.Reference, listed);
        Assert.Contains(NetmImage.Reference, listed);
        // The chart's image, as a pod's image reference is normalized (a name without a host gets the default registry's).
        Assert.Contains(listed, name => name.EndsWith("/" + _fixture.Images["netm"].References[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Busybox_Echo_PrintsItsArgument()
    {
        var word = $"hello-{UniqueId.Next()}";
        var run = await Containerd.CtrAsync("run", "--rm", BusyboxImage.Reference, Id(), "echo", word);

        Assert.True(run.Succeeded, run.StandardError);
        Assert.Equal(word, run.StandardOutput.Trim());
    }

    // ctr, like the kubelet with args but no command, appends the arguments to the image's entrypoint.
    [Fact]
    public async Task Netm_Help_PrintsUsage()
    {
        var run = await Containerd.CtrAsync("run", "--rm", NetmImage.Reference, Id(), "--help");

        Assert.True(run.Succeeded, run.StandardError + run.StandardOutput);
        Assert.Contains("Usage:", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("devcluster", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dnsmasq_Version_RunsWithItsLibraries()
    {
        var run = await Containerd.CtrAsync("run", "--rm", DnsmasqImage.Reference, Id(), "--version");

        Assert.True(run.Succeeded, run.StandardError + run.StandardOutput);
        Assert.StartsWith("Dnsmasq version", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_Sigterm_ExitsWithZero()
    {
        var id = Id();
        await using var run = Containerd.StartContainer(PauseImage.Reference, id);
        Assert.True(await Containerd.RunningAsync(id, StartTimeout), run.StandardError);

        var kill = await Containerd.CtrAsync("tasks", "kill", "--signal", "SIGTERM", id);
        Assert.True(kill.Succeeded, kill.StandardError);
        var exit = await run.WaitForExitAsync(StartTimeout);

        Assert.Equal(0, exit.ExitCode);
    }

    private static string Id() => $"{UniqueId.Prefix}-{UniqueId.Next()}";
}
