using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Tests.Namespaces;

public sealed class KubepodsCgroupTests
{
    private const string Uid = "6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b";

    [Theory]
    [InlineData("4:pids:/kubepods/besteffort/pod6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b/0123abcd")]
    [InlineData("7:memory:/kubepods/pod6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b/0123abcd")]
    [InlineData("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod6f1b1a2c_3d4e_4f50_8a9b_0c1d2e3f4a5b.slice/cri-containerd-0123.scope")]
    [InlineData("1:name=systemd:/kubelet/kubepods/burstable/pod6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b/crio-0123")]
    public void HoldsPod_KubeletLayouts_True(string line) =>
        Assert.True(KubepodsCgroup.HoldsPod(["12:cpuset:/", line], Uid));

    [Theory]
    [InlineData("4:pids:/system.slice/pod6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b/x")]
    [InlineData("4:pids:/kubepods/besteffort/pod6f1b1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5bff/x")]
    [InlineData("4:pids:/kubepods/besteffort/pod11111111-3d4e-4f50-8a9b-0c1d2e3f4a5b/x")]
    [InlineData("garbage")]
    public void HoldsPod_OtherCgroups_False(string line) =>
        Assert.False(KubepodsCgroup.HoldsPod([line], Uid));
}
