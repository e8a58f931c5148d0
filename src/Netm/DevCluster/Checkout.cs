namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// The repository checkout netm runs from: <c>./netm</c> builds it into <c>.cache/netm</c> and the tests run it from
/// their build output, both under the checkout. The dev cluster keeps its state there by default and finds the
/// binaries that scripts/kube-apiserver.sh builds into it.
/// </summary>
internal static class Checkout
{
    private const string Marker = "NetworkMachinery.slnx";

    /// <summary>The first directory above the running program that holds the solution; null outside a checkout.</summary>
    public static string? Root { get; } = Find(AppContext.BaseDirectory);

    /// <summary>The first directory at or above <paramref name="start"/> that holds the solution, or null.</summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
