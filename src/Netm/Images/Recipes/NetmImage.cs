namespace NetworkMachinery.Netm.Images.Recipes;

/// <summary>
/// The project's image, which the operator, the collector and the prober run as <c>netm COMMAND</c>: netm published
/// self-contained for linux-x64 (invariant globalization, so no ICU) into /app, with the shared libraries the runtime
/// links against and the OpenSSL it loads by name (TLS to the apiserver, the webhook, Kafka), and the CA bundle.
/// </summary>
/// <remarks>
/// Tagged twice: <c>localhost/networkmachinery/netm:dev</c>, and the chart's default image
/// (<c>networkmachinery/netm:APPVERSION</c>), so that deploy/install.yaml runs the local build as it is once the image
/// is imported (its pull policy IfNotPresent finds it there).
/// </remarks>
internal sealed class NetmImage : IImageRecipe
{
    /// <summary>The image's development reference.</summary>
    public const string Reference = "localhost/networkmachinery/netm:dev";

    /// <summary>The chart's image repository (values.yaml image.repository).</summary>
    public const string ChartRepository = "networkmachinery/netm";

    private const string ProjectPath = "src/Netm/NetworkMachinery.Netm.csproj";
    private const string ChartPath = "deploy/helm/networkmachinery/Chart.yaml";
    private const string CaBundle = "/etc/ssl/certs/ca-certificates.crt";
    private const string AppDirectory = "app";

    /// <summary>Creates the recipe for the checkout at <paramref name="repositoryRoot"/>, whose chart gives the second tag.</summary>
    public NetmImage(string repositoryRoot)
    {
        References = [Reference, $"{ChartRepository}:{ChartAppVersion(repositoryRoot)}"];
    }

    /// <inheritdoc />
    public string Name => "netm";

    /// <inheritdoc />
    public IReadOnlyList<string> References { get; }

    /// <inheritdoc />
    public async Task<ImageContent> PrepareAsync(ImageBuildContext context, CancellationToken cancellationToken)
    {
        // A fresh directory each time, so that a file a previous build left does not end up in the image; the build
        // itself stays incremental (obj/ is the project's).
        var publish = Path.Combine(context.WorkDirectory, "publish");
        if (Directory.Exists(publish))
        {
            Directory.Delete(publish, recursive: true);
        }

        await context.Log.WriteLineAsync("netm images: netm     dotnet publish (self-contained, linux-x64)...");
        await HostTool.RunAsync(
            "dotnet",
            ["publish", Path.Combine(context.RepositoryRoot, ProjectPath), "-c", "Release", "-r", "linux-x64", "--self-contained",
             "-p:InvariantGlobalization=true", "-o", publish, "--nologo", "-v", "quiet"],
            "install the .NET 10 SDK",
            cancellationToken);

        var root = BaseFiles.AddTo(new RootFilesystem());
        var linked = new List<string>();
        foreach (var file in Directory.EnumerateFiles(publish, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".pdb", StringComparison.Ordinal) || file.EndsWith(".dbg", StringComparison.Ordinal))
            {
                continue;
            }

            root.AddHostFile(Path.Combine(AppDirectory, Path.GetRelativePath(publish, file)), file);
            if (file.EndsWith(".so", StringComparison.Ordinal) || Path.GetFileName(file) == "netm")
            {
                linked.Add(file);
            }
        }

        await SharedLibraries.AddForAsync(root, linked, cancellationToken);
        await SharedLibraries.AddLoadedByNameAsync(root, [("libssl.so.3", "libssl3"), ("libcrypto.so.3", "libssl3")], cancellationToken);
        if (File.Exists(CaBundle))
        {
            root.AddHostFile(CaBundle, CaBundle);
        }

        return new ImageContent(root, new ImageConfig
        {
            Entrypoint = [$"/{AppDirectory}/netm"],
            Env =
            [
                "PATH=/app:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                // What ./netm sets: tiered compilation promotes a long-running server's hot code without waiting.
                "DOTNET_TC_CallCountingDelayMs=0",
            ],
            WorkingDir = $"/{AppDirectory}",
        });
    }

    private static string ChartAppVersion(string repositoryRoot)
    {
        var chart = Path.Combine(repositoryRoot, ChartPath);
        var line = File.Exists(chart)
            ? File.ReadLines(chart).FirstOrDefault(text => text.StartsWith("appVersion:", StringComparison.Ordinal))
            : null;
        return line?["appVersion:".Length..].Trim().Trim('"') is { Length: > 0 } version
            ? version
            : throw new ImageException($"{chart} has no appVersion; the netm image is tagged with it.");
    }
}
