using NetworkMachinery.Netm.Images.Recipes;

namespace NetworkMachinery.Netm.Images;

/// <summary>The images of the dev cluster, in the order they are built (the small ones first).</summary>
internal static class ImageRecipes
{
    /// <summary>Every image.</summary>
    public static IReadOnlyList<IImageRecipe> All { get; } = [new PauseImage()];
}
