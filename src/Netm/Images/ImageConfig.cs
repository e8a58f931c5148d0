using System.Text.Json;

namespace NetworkMachinery.Netm.Images;

/// <summary>How a container of the image runs: what the image config's <c>config</c> object holds.</summary>
internal sealed record ImageConfig
{
    /// <summary>The program and its first arguments; Kubernetes' <c>command</c> replaces it.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>The default arguments (or the program, without an entrypoint); Kubernetes' <c>args</c> replaces it.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>Environment variables as <c>NAME=VALUE</c>.</summary>
    public IReadOnlyList<string> Env { get; init; } = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];

    /// <summary>The working directory.</summary>
    public string WorkingDir { get; init; } = "/";

    /// <summary>
    /// The image config JSON (OCI image spec, which docker archives share): amd64/linux, this config, the one layer's
    /// diff id, and a fixed creation time so that the same inputs give the same config digest.
    /// </summary>
    public byte[] ToJson(string layerDiffId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var created = DeterministicTar.Epoch.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("created", created);
            json.WriteString("architecture", "amd64");
            json.WriteString("os", "linux");
            json.WriteStartObject("config");
            WriteArray(json, nameof(Env), Env);
            if (Entrypoint.Count > 0)
            {
                WriteArray(json, nameof(Entrypoint), Entrypoint);
            }

            if (Cmd.Count > 0)
            {
                WriteArray(json, nameof(Cmd), Cmd);
            }

            json.WriteString(nameof(WorkingDir), WorkingDir);
            json.WriteEndObject();
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            WriteArray(json, "diff_ids", [layerDiffId]);
            json.WriteEndObject();
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", created);
            json.WriteString("created_by", "netm devcluster images");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
