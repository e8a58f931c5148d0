using System.Net;
using k8s;
using k8s.Autorest;
using NetworkMachinery.Operator.Tests.ApiServer.Smoke;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Operator.Tests.ApiServer;

/// <summary>The shared <see cref="KubeApiServer"/> is a real apiserver: the API machinery the operator relies on works against it.</summary>
[Collection(ApiServerTests.Collection)]
public sealed class KubeApiServerTests(KubeApiServerFixture fixture)
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(30);

    private KubeApiServer Server => fixture.Server;

    [Fact]
    public async Task Version_IsKubernetes1_20_BuiltFromTheSourceArchive()
    {
        using var client = Server.CreateClient();

        var version = await client.Version.GetCodeAsync();

        // Debian's kubernetes source package of bookworm is 1.20.2, exported from the git tag with `git archive`:
        // hack/lib/version.sh then takes the version from the archive and marks the tree state "archive".
        Assert.Matches(@"^v1\.20\.\d+$", version.GitVersion);
        Assert.Equal(("1", "20"), (version.Major, version.Minor));
        Assert.Equal("archive", version.GitTreeState);
    }

    [Fact]
    public async Task CustomResourceDefinition_BecomesEstablished_AndServesItsObjects()
    {
        using var client = Server.CreateClient();

        var definition = await GadgetDefinition.InstallAsync(client);
        var name = Unique("gadget");
        var created = await GadgetDefinition.CreateAsync(client, Gadget.Named(name, size: 3));
        var read = await GadgetDefinition.GetAsync(client, name);

        Assert.True(GadgetDefinition.IsTrue(definition, "NamesAccepted"));
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.False(string.IsNullOrEmpty(read.Metadata.Uid));
        Assert.Equal(1, read.Metadata.Generation);
        Assert.Equal(3, read.Spec?.Size);
        Assert.Null(read.Status);
    }

    [Fact]
    public async Task Create_OutsideTheSchema_IsRejectedWithTheField()
    {
        using var client = Server.CreateClient();
        await GadgetDefinition.InstallAsync(client);

        var rejected = await Assert.ThrowsAsync<HttpOperationException>(
            () => GadgetDefinition.CreateAsync(client, Gadget.Named(Unique("gadget"), size: 0)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.Response.StatusCode);
        Assert.Contains("spec.size", rejected.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusSubresource_ThePatchOfEachSideChangesOnlyThatSide()
    {
        using var client = Server.CreateClient();
        await GadgetDefinition.InstallAsync(client);
        var name = Unique("gadget");
        await GadgetDefinition.CreateAsync(client, Gadget.Named(name, size: 2));

        // With a status subresource, /status ignores changes to anything but status, and the main resource ignores
        // changes to status; only spec changes raise the generation.
        var afterStatusPatch = await GadgetDefinition.PatchStatusAsync(client, name, new { spec = new { size = 9 }, status = new { phase = "Ready" } });
        var afterSpecPatch = await GadgetDefinition.PatchAsync(client, name, new { spec = new { size = 5 }, status = new { phase = "Broken" } });

        Assert.Equal(("Ready", 2, 1L), (afterStatusPatch.Status?.Phase, afterStatusPatch.Spec?.Size, afterStatusPatch.Metadata.Generation));
        Assert.Equal(("Ready", 5, 2L), (afterSpecPatch.Status?.Phase, afterSpecPatch.Spec?.Size, afterSpecPatch.Metadata.Generation));
    }

    [Fact]
    public async Task Watch_FromAListsResourceVersion_SeesTheCreateAndTheStatusChangeInOrder()
    {
        using var client = Server.CreateClient();
        await GadgetDefinition.InstallAsync(client);
        var name = Unique("watched");
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<GadgetList>(
            GadgetDefinition.Group, GadgetDefinition.Version, GadgetDefinition.Namespace, GadgetDefinition.Plural);
        using var timeout = new CancellationTokenSource(WatchTimeout);
        var events = new List<(WatchEventType Type, string? Phase)>();

        var watching = Task.Run(async () =>
        {
            var watch = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                GadgetDefinition.Group,
                GadgetDefinition.Version,
                GadgetDefinition.Namespace,
                GadgetDefinition.Plural,
                resourceVersion: list.Metadata.ResourceVersion,
                cancellationToken: timeout.Token);
            await foreach (var (type, item) in watch)
            {
                // The untyped watch yields each object as parsed JSON.
                var gadget = KubernetesJson.Deserialize<Gadget>(KubernetesJson.Serialize(item));
                if (gadget.Metadata.Name == name)
                {
                    events.Add((type, gadget.Status?.Phase));
                    if (events.Count == 2)
                    {
                        return;
                    }
                }
            }
        });
        await GadgetDefinition.CreateAsync(client, Gadget.Named(name, size: 1));
        await GadgetDefinition.PatchStatusAsync(client, name, new { status = new { phase = "Ready" } });
        await watching;

        Assert.Equal([(WatchEventType.Added, null), (WatchEventType.Modified, "Ready")], events);
    }

    private static string Unique(string prefix) => $"{prefix}-{UniqueId.Next()}";
}
