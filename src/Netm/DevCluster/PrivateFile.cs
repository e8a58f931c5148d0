using System.Text;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>Writes files that hold secrets (keys, tokens, kubeconfigs) and directories of them, for their owner alone.</summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="text"/>, mode 0600 from the moment it exists. The text goes
    /// to a new file that is then renamed over the old one, so a reader (kubectl) sees the old file or the new one.
    /// </summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) unless it exists; mode 0700 when this call creates it.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        }
    }
}
