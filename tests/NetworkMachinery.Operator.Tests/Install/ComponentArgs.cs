using System.CommandLine;
using k8s.Models;
using NetworkMachinery.Netm.Commands;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>A container's arguments, read and checked against the netm command they run.</summary>
internal static class ComponentArgs
{
    public static IList<string> Of(V1PodSpec pod, string container) => Assert.Single(pod.Containers, c => c.Name == container).Args;

    /// <summary>The value that follows <paramref name="flag"/>, or null when the flag is absent.</summary>
    public static string? Value(IList<string> args, string flag)
    {
        var index = args.IndexOf(flag);
        return index < 0 ? null : args[index + 1];
    }

    /// <summary>Asserts that netm's own parser accepts <paramref name="args"/> (the first being the command's name).</summary>
    public static void AssertParse(IList<string> args)
    {
        var parse = new RootCommand { CollectCommand.Create(), OperatorCommand.Create(), ProberCommand.Create() }.Parse([.. args]);

        Assert.True(parse.Errors.Count == 0, $"netm {string.Join(' ', args)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }
}
