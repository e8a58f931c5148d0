namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Adds what dynamically linked programs need at run time to an image: the shared libraries that <c>ldd</c> lists
/// for them (the whole closure, the dynamic loader included), at the paths ldd prints, so that the loader's default
/// search directories find them without an ld.so.cache.
/// </summary>
internal static class SharedLibraries
{
    private const string InstallHint = "run scripts/install-deps.sh as root (ldd comes with Debian's libc-bin)";

    /// <summary>The directories where Debian (amd64) keeps shared libraries, for libraries loaded by name at run time.</summary>
    private static readonly string[] LibraryDirectories = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu"];

    /// <summary>Adds the libraries that <paramref name="programs"/> (executables or libraries, host paths) link against.</summary>
    /// <exception cref="ImageException">ldd is missing, or a library is not found on this machine.</exception>
    public static async Task AddForAsync(RootFilesystem root, IEnumerable<string> programs, CancellationToken cancellationToken)
    {
        foreach (var program in programs)
        {
            var output = await HostTool.RunAsync("ldd", [program], InstallHint, cancellationToken);
            foreach (var library in Parse(program, output))
            {
                if (!root.Contains(library))
                {
                    root.AddHostFile(library, library);
                }
            }
        }
    }

    /// <summary>
    /// Adds libraries that programs load by name (dlopen) and ldd cannot see, e.g. OpenSSL for .NET, with the libraries
    /// they link against.
    /// </summary>
    /// <exception cref="ImageException">A library is not installed on this machine; the message names the Debian package.</exception>
    public static async Task AddLoadedByNameAsync(RootFilesystem root, IEnumerable<(string FileName, string DebianPackage)> libraries, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var (fileName, package) in libraries)
        {
            var path = LibraryDirectories.Select(directory => Path.Combine(directory, fileName)).FirstOrDefault(File.Exists)
                ?? throw new ImageException($"{fileName} is not installed on this machine; the image needs it: apt-get install {package} (scripts/install-deps.sh does).");
            root.AddHostFile(path, path);
            paths.Add(path);
        }

        await AddForAsync(root, paths, cancellationToken);
    }

    /// <summary>The absolute library paths of ldd's output (<c>name =&gt; /path (0x...)</c>, or <c>/path (0x...)</c> for the loader).</summary>
    internal static IEnumerable<string> Parse(string program, string lddOutput)
    {
        foreach (var line in lddOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Contains("not found", StringComparison.Ordinal))
            {
                throw new ImageException($"{program} needs a shared library this machine lacks: {line}.");
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var path = (arrow >= 0 ? line[(arrow + 2)..] : line).Trim();
            var space = path.IndexOf(" (", StringComparison.Ordinal);
            path = space >= 0 ? path[..space] : path;
            if (path.StartsWith('/'))
            {
                yield return path;
            }
        }
    }
}
