using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>A fresh directory <c>/tmp/nmt-l7-*</c>, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{UniqueId.Prefix}-l7-{UniqueId.Next()}");

    public string Write(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
