using NetworkMachinery.Netm.Images.Recipes;

namespace NetworkMachinery.Netm.Images;

/// <summary>The images of the dev cluster, in the order they are built (the small ones first).</summary>
internal static class ImageRecipes
{
    /// <summary>The images' names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pause", "busybox", "dnsmasq", "netm"];

    /// <summary>Every image, for the checkout at <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<IImageRecipe> Create(string repositoryRoot) =>
        [new PauseImage(), new BusyboxImage(), new DnsmasqImage(), new NetmImage(repositoryRoot)];
}
