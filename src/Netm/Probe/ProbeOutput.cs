using System.Globalization;
using System.Text;
using System.Text.Json;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Probe;

/// <summary>
/// How <c>netm probe</c> prints a run: a table for people, or one JSON object per source and destination target
/// (the status row's fields, camelCase as in the custom resource's status, plus the test's namespace/name).
/// </summary>
internal static class ProbeOutput
{
    /// <summary>Writes every row of <paramref name="report"/> as a JSON line.</summary>
    public static void WriteJson(TextWriter output, ProbeRunReport report)
    {
        foreach (var row in report.Rows)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("test", report.Test);
                foreach (var property in JsonSerializer.SerializeToElement(row, ProbeJsonContext.Default.ConnectivityResult).EnumerateObject())
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    /// <summary>Writes <paramref name="report"/> as a table with a closing verdict line.</summary>
    public static void WriteTable(TextWriter output, ProbeRunReport report)
    {
        string[] header = ["SOURCE", "DESTINATION", "TARGET", "VERDICT", "RTT MIN/AVG/MAX MS", "LOSS", "DETAIL"];
        var lines = report.Rows.Select(row => new[]
        {
            row.SourceIP is { } ip ? $"{row.Source} ({ip})" : row.Source,
            row.Destination,
            row.Target,
            row.Verdict,
            row.RttAvgMs is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{row.RttMinMs:0.###}/{row.RttAvgMs:0.###}/{row.RttMaxMs:0.###}"),
            row.LossPercent is { } loss ? string.Create(CultureInfo.InvariantCulture, $"{loss:0.#}%") : "-",
            Detail(row),
        }).ToList();
        var widths = header.Select((title, column) => Math.Max(title.Length, lines.Count == 0 ? 0 : lines.Max(line => line[column].Length))).ToArray();
        output.WriteLine(Format(header, widths));
        foreach (var line in lines)
        {
            output.WriteLine(Format(line, widths));
        }

        output.WriteLine($"{report.Test}: {report.Condition}: {report.Message}");
    }

    private static string Detail(ConnectivityResult row)
    {
        var parts = new List<string>();
        if (row.HttpStatus is { } status)
        {
            parts.Add($"HTTP {status}");
        }

        if (row.PathMTU is { } mtu)
        {
            parts.Add($"path MTU {mtu}");
        }

        if (row.Error is { } error)
        {
            parts.Add(error);
        }

        if (row.Expected == false)
        {
            parts.Add("NOT AS EXPECTED");
        }

        return parts.Count == 0 ? "" : string.Join("; ", parts);
    }

    private static string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == cells.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd();
}
