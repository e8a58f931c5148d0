using System.Text;

namespace NetworkMachinery.Testing.Processes;

/// <summary>
/// Copies a process's stdout or stderr into memory as it arrives, so a caller can look at the text while the process
/// still runs (to see a "ready" line) and the pipe never fills up and blocks the process.
/// </summary>
internal sealed class OutputPump
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public OutputPump(StreamReader reader) => Completion = Task.Run(() => PumpAsync(reader));

    /// <summary>Completes at end of stream: when the process and every child that inherited the pipe closed it.</summary>
    public Task Completion { get; }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public bool Contains(string value)
    {
        lock (_lock)
        {
            return _text.ToString().Contains(value, StringComparison.Ordinal);
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_lock)
            {
                _text.Append(buffer, 0, read);
            }
        }
    }
}
