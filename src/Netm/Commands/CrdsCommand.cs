using System.CommandLine;
using NetworkMachinery.Operator.Crds;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm crds [--output DIR]</c>: the CustomResourceDefinitions of every kind, generated from the C# models.</summary>
internal static class CrdsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Write one file per kind (PLURAL.networkmachinery.io.yaml) into this directory instead of printing all to stdout; deploy/helm/networkmachinery/crds is the checked-in copy.",
        };
        var command = new Command("crds", "Generate the CustomResourceDefinitions (apiextensions.k8s.io/v1) of the networkmachinery.io resources from their C# models.")
        {
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(output)));
        return command;
    }

    private static int Run(DirectoryInfo? output)
    {
        var definitions = CustomResourceDefinitions.BuildAll();
        if (output is null)
        {
            Console.Out.Write(string.Join("---\n", definitions.Select(CrdManifests.ToYaml)));
            return 0;
        }

        output.Create();
        foreach (var definition in definitions)
        {
            var path = Path.Combine(output.FullName, CrdManifests.FileName(definition));
            File.WriteAllText(path, CrdManifests.ToYaml(definition));
            Console.Error.WriteLine($"netm crds: wrote {path}");
        }

        return 0;
    }
}
