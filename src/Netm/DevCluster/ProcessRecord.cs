using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// A detached component's process as the dev cluster started it, kept in the state directory: its PID and its exact
/// arguments. The PID alone is not enough to find it again, since after a reboot or a crash the kernel may give the PID
/// to any other process: only a process whose /proc/PID/cmdline is still the recorded one is taken for the component.
/// </summary>
/// <param name="Pid">The PID (the process leads a session and process group of the same id).</param>
/// <param name="CommandLine">The binary and its arguments.</param>
internal sealed record ProcessRecord(int Pid, IReadOnlyList<string> CommandLine)
{
    /// <summary>True while the recorded process runs: the PID exists and runs the recorded command line.</summary>
    [JsonIgnore]
    public bool IsRunning => LinuxProcess.CommandLine(Pid) is { } running && running.SequenceEqual(CommandLine, StringComparer.Ordinal);

    /// <summary>The record in <paramref name="path"/>, or null when there is none.</summary>
    public static ProcessRecord? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), DevClusterJson.Default.ProcessRecord) : null;

    /// <summary>Writes the record to <paramref name="path"/>.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, DevClusterJson.Default.ProcessRecord), cancellationToken);
}
