using System.Formats.Tar;
using System.Text.Json;
using NetworkMachinery.Netm.DevCluster;
using NetworkMachinery.Netm.Images;
using NetworkMachinery.Netm.Images.Recipes;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Operator.Tests.Images;

/// <summary>
/// The archives that <see cref="ImageBuilder"/> writes, read back: digests, names, layout and determinism. Builds the
/// small images (pause, busybox, dnsmasq) from this machine's files into a cache directory of the test's own.
/// </summary>
public sealed class ImageArchiveTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"{UniqueId.Prefix}-images-{UniqueId.Next()}");
    private readonly string _root = Checkout.Root ?? throw new InvalidOperationException("the tests run from a checkout");

    public static TheoryData<string> SmallImages => ["pause", "busybox", "dnsmasq"];

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Theory]
    [MemberData(nameof(SmallImages))]
    public async Task DockerArchive_ConfigAndLayerNamedByTheirDigests_ConfigListsTheLayerAsDiffId(string name)
    {
        var image = await BuildAsync(name, _cache);
        var archive = ImageArchive.Read(image.DockerArchive);
        var manifest = archive.Manifest;

        var configName = manifest.GetProperty("Config").GetString()!;
        var layerName = Assert.Single(manifest.GetProperty("Layers").EnumerateArray()).GetString()!;
        var config = archive.Files[configName];
        var layer = archive.Files[layerName];
        Assert.Equal(ImageArchive.DigestOf(config), "sha256:" + configName[..^".json".Length]);
        Assert.Equal(ImageArchive.DigestOf(layer), "sha256:" + layerName[..^"/layer.tar".Length]);
        Assert.Equal(image.ConfigDigest, ImageArchive.DigestOf(config));
        Assert.Equal([.. image.References], manifest.GetProperty("RepoTags").EnumerateArray().Select(tag => tag.GetString()));

        using var json = JsonDocument.Parse(config);
        Assert.Equal("amd64", json.RootElement.GetProperty("architecture").GetString());
        Assert.Equal("linux", json.RootElement.GetProperty("os").GetString());
        var diffId = Assert.Single(json.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray()).GetString();
        Assert.Equal(ImageArchive.DigestOf(layer), diffId);
    }

    [Theory]
    [MemberData(nameof(SmallImages))]
    public async Task OciLayout_IndexManifestAndBlobs_MatchTheirDescriptors(string name)
    {
        var image = await BuildAsync(name, _cache);
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(image.OciLayout, "index.json")));
        Assert.Equal("1.0.0", JsonDocument.Parse(File.ReadAllBytes(Path.Combine(image.OciLayout, "oci-layout"))).RootElement.GetProperty("imageLayoutVersion").GetString());

        var manifestDescriptor = index.RootElement.GetProperty("manifests")[0];
        Assert.Equal("dev", manifestDescriptor.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString());
        var manifestBytes = BlobOf(image.OciLayout, manifestDescriptor);
        Assert.Equal(image.ManifestDigest, ImageArchive.DigestOf(manifestBytes));
        using var manifest = JsonDocument.Parse(manifestBytes);
        var config = BlobOf(image.OciLayout, manifest.RootElement.GetProperty("config"));
        var layer = BlobOf(image.OciLayout, Assert.Single(manifest.RootElement.GetProperty("layers").EnumerateArray()));
        Assert.Equal(image.ConfigDigest, ImageArchive.DigestOf(config));
        Assert.Equal(image.LayerDigest, ImageArchive.DigestOf(layer));
    }

    [Fact]
    public async Task Layer_EntriesSortedParentsFirst_OwnedByRootAtTheEpoch()
    {
        var image = await BuildAsync("busybox", _cache);
        var layer = await File.ReadAllBytesAsync(Path.Combine(image.OciLayout, "blobs", "sha256", image.LayerDigest["sha256:".Length..]));
        var entries = ImageArchive.Entries(layer);

        var names = entries.Select(entry => entry.Name.TrimEnd('/')).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(entries, entry =>
        {
            Assert.Equal(0, entry.Uid);
            Assert.Equal(0, entry.Gid);
            Assert.Equal(DateTimeOffset.UnixEpoch, entry.ModificationTime);
        });
        var shell = Assert.Single(entries, entry => entry.Name == "bin/sh");
        Assert.Equal(TarEntryType.SymbolicLink, shell.EntryType);
        Assert.Equal("/bin/busybox", shell.LinkName);
        Assert.Contains(entries, entry => entry.Name == "tmp/" && entry.Mode.HasFlag(UnixFileMode.StickyBit));
    }

    [Fact]
    public async Task Build_SameInputs_SameDigestsAndSecondBuildFromCache()
    {
        var other = _cache + "-other";
        try
        {
            var first = await BuildAsync("dnsmasq", _cache);
            var again = await BuildAsync("dnsmasq", _cache);
            var elsewhere = await BuildAsync("dnsmasq", other);

            Assert.False(first.FromCache);
            Assert.True(again.FromCache);
            Assert.False(elsewhere.FromCache);
            Assert.Equal(first.ManifestDigest, again.ManifestDigest);
            Assert.Equal(first.ManifestDigest, elsewhere.ManifestDigest);
            Assert.Equal(await File.ReadAllBytesAsync(first.DockerArchive), await File.ReadAllBytesAsync(elsewhere.DockerArchive));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void NetmImage_TaggedWithTheChartsImage_SoInstallYamlFindsIt()
    {
        var installYaml = File.ReadAllText(Path.Combine(_root, "deploy", "install.yaml"));
        var chartImage = new NetmImage(_root).References[1];

        Assert.Contains($"image: \"{chartImage}\"", installYaml, StringComparison.Ordinal);
    }

    private Task<BuiltImage> BuildAsync(string name, string cache) =>
        new ImageBuilder(_root, cache, TextWriter.Null).BuildAsync(ImageRecipes.Create(_root).Single(recipe => recipe.Name == name), CancellationToken.None);

    private static byte[] BlobOf(string layout, JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString()!;
        var blob = File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]));
        Assert.Equal(descriptor.GetProperty("size").GetInt64(), blob.LongLength);
        return blob;
    }
}
