using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Netm.Probe;

/// <summary>
/// Reads the NetworkConnectivityTests of <c>netm probe -f</c>: files, directories (their *.yaml and *.yml files, in
/// name order) or <c>-</c> for stdin, each possibly with several documents. Documents of the project's other kinds
/// are passed over; anything that is not valid is a problem with where it came from and how to fix it.
/// </summary>
internal static class ManifestFiles
{
    /// <summary>The tests of <paramref name="paths"/> and the problems found; the tests are valid.</summary>
    public static (List<V1Alpha1NetworkConnectivityTest> Tests, List<string> Problems, List<string> Skipped) Load(IEnumerable<string> paths, TextReader stdin)
    {
        var tests = new List<V1Alpha1NetworkConnectivityTest>();
        var problems = new List<string>();
        var skipped = new List<string>();
        foreach (var (origin, text) in Read(paths, stdin, problems))
        {
            IReadOnlyList<object> objects;
            try
            {
                objects = ResourceManifests.LoadAll(text);
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or FormatException or ArgumentException or InvalidOperationException)
            {
                problems.Add($"{origin}: not a manifest of the networkmachinery.io/v1alpha1 kinds: {Innermost(e).Message}");
                continue;
            }

            foreach (var item in objects)
            {
                if (item is not V1Alpha1NetworkConnectivityTest test)
                {
                    skipped.Add($"{origin}: {item.GetType().Name.Replace("V1Alpha1", "", StringComparison.Ordinal)} (netm probe runs NetworkConnectivityTests only)");
                    continue;
                }

                var name = test.Metadata?.Name;
                if (string.IsNullOrEmpty(name))
                {
                    problems.Add($"{origin}: metadata.name: required; name the test");
                    continue;
                }

                test.Metadata!.NamespaceProperty ??= "default";
                test.Metadata.Generation ??= 1;
                var errors = NetworkConnectivityTestValidator.Validate(test);
                if (errors.Count > 0)
                {
                    problems.AddRange(errors.Select(error => $"{origin}: {test.Metadata.NamespaceProperty}/{name}: {error}"));
                    continue;
                }

                tests.Add(test);
            }
        }

        return (tests, problems, skipped);
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
