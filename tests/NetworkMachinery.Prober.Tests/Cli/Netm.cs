namespace NetworkMachinery.Prober.Tests.Cli;

/// <summary>The netm program built next to the tests, run as <c>dotnet netm.dll</c>.</summary>
internal static class Netm
{
    public static string Program => Path.Combine(AppContext.BaseDirectory, "netm.dll");
}
