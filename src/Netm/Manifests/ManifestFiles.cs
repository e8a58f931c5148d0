using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Netm.Manifests;

/// <summary>
/// Reads the manifests of <c>netm probe -f</c> and <c>netm run -f</c>: files, directories (their *.yaml and *.yml
/// files, in name order) or <c>-</c> for stdin, each possibly with several documents. Documents of the project's kinds
/// the command does not run are passed over; anything that is not valid is a problem with where it came from and how
/// to fix it.
/// </summary>
internal static class ManifestFiles
{
    /// <summary>The resources of <paramref name="paths"/> of the <paramref name="kinds"/> asked for, and the problems found; the resources are valid.</summary>
    /// <param name="paths">Files, directories, or - for <paramref name="stdin"/>.</param>
    /// <param name="stdin">Where - reads from.</param>
    /// <param name="reader">What reads them, for the notes on skipped documents (<c>netm probe</c>).</param>
    /// <param name="kinds">The resource types kept.</param>
    public static LoadedManifests Load(
        IEnumerable<string> paths,
        TextReader stdin,
        string reader,
        IReadOnlyCollection<Type> kinds)
    {
        var loaded = new LoadedManifests();
        foreach (var (origin, text) in Read(paths, stdin, loaded.Problems))
        {
            IReadOnlyList<object> objects;
            try
            {
                objects = ResourceManifests.LoadAll(text);
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or FormatException or ArgumentException or InvalidOperationException)
            {
                loaded.Problems.Add($"{origin}: not a manifest of the networkmachinery.io/v1alpha1 kinds: {Innermost(e).Message}");
                continue;
            }

            foreach (var item in objects)
            {
                var kind = item.GetType().Name.Replace("V1Alpha1", "", StringComparison.Ordinal);
                if (!kinds.Contains(item.GetType()) || item is not IKubernetesObject<V1ObjectMeta> resource)
                {
                    loaded.Skipped.Add($"{origin}: {kind} ({reader} runs {string.Join(" and ", kinds.Select(k => k.Name.Replace("V1Alpha1", "", StringComparison.Ordinal) + "s"))} only)");
                    continue;
                }

                var name = resource.Metadata?.Name;
                if (string.IsNullOrEmpty(name))
                {
                    loaded.Problems.Add($"{origin}: {kind}: metadata.name: required; name it");
                    continue;
                }

                resource.Metadata!.NamespaceProperty ??= "default";
                resource.Metadata.Generation ??= 1;
                // Standalone rules: as in a cluster, except that channels may give their URLs inline.
                var errors = ResourceValidator.Validate(item, ValidationMode.Standalone);
                if (errors.Count > 0)
                {
                    loaded.Problems.AddRange(errors.Select(error => $"{origin}: {kind} {resource.Metadata.NamespaceProperty}/{name}: {error}"));
                    continue;
                }

                loaded.Resources.Add(item);
            }
        }

        return loaded;
    }

    private static IEnumerable<(string Origin, string Text)> Read(IEnumerable<string> paths, TextReader stdin, List<string> problems)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return ("stdin", stdin.ReadToEnd());
                continue;
            }

            string[] files;
            if (Directory.Exists(path))
            {
                files = [.. Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
                if (files.Length == 0)
                {
                    problems.Add($"{path}: no *.yaml or *.yml files in this directory");
                }
            }
            else
            {
                files = [path];
            }

            foreach (var file in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"{file}: cannot read: {e.Message}");
                    continue;
                }

                yield return (file, text);
            }
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
