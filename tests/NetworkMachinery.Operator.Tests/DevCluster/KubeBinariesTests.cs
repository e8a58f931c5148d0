using NetworkMachinery.Netm.DevCluster;

namespace NetworkMachinery.Operator.Tests.DevCluster;

/// <summary>A missing binary is reported with the command that provides it.</summary>
public sealed class KubeBinariesTests
{
    [Fact]
    public void Require_ApiServerNotBuilt_NamesTheBuildScriptWithTheComponent()
    {
        var checkout = Directory.CreateTempSubdirectory("nmt-checkout-").FullName;
        try
        {
            var apiServer = new ApiServerComponent(new KubeBinaries(checkout));

            var missing = Assert.Throws<DevClusterException>(() => KubeBinaries.Require(apiServer));

            Assert.Contains($"kube-apiserver is not built (no {checkout}/.cache/kube/current/bin/kube-apiserver)", missing.Message, StringComparison.Ordinal);
            Assert.Contains("run scripts/kube-apiserver.sh kube-apiserver (as root", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
    }

    [Fact]
    public void Hint_EtcdMissing_NamesTheScriptThatInstallsEtcdServer()
    {
        var hint = KubeBinaries.Hint([new EtcdComponent()]);

        Assert.StartsWith("run scripts/kube-apiserver.sh (as root", hint, StringComparison.Ordinal);
        Assert.Contains("etcd-server", hint, StringComparison.Ordinal);
    }
}
