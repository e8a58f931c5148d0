namespace NetworkMachinery.Testing.Processes;

/// <summary>Formats a command for messages, quoted the way a shell user would type it.</summary>
internal static class CommandLine
{
    public static string Format(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '*' or '?')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
