using System.Text.Json;

namespace NetworkMachinery.Netm.Replay;

/// <summary>What a replay sent; printed as one JSON line that benchmark scripts read.</summary>
/// <param name="Sent">Datagrams the kernel accepted.</param>
/// <param name="Bytes">UDP payload bytes of those datagrams.</param>
/// <param name="ElapsedSeconds">From the first send until the last one returned.</param>
/// <param name="TargetRate">The rate asked for (0 = as fast as possible).</param>
/// <param name="StalledSeconds">Time the sender fell behind the rate by more than one batch and did not make up.</param>
/// <param name="SendErrors">Send calls refused for lack of buffer space (EAGAIN, ENOBUFS), each retried.</param>
/// <param name="Refused">Send calls that reported an earlier datagram refused (ECONNREFUSED: nothing listens on the port), each retried.</param>
/// <param name="FlowSamples">Flow samples in the datagrams sent: what a collector that lost nothing has seen.</param>
/// <param name="CounterSamples">Counter samples in the datagrams sent.</param>
/// <param name="CpuSeconds">User and system CPU time the replayer used, loading included.</param>
internal sealed record ReplayResult(long Sent, long Bytes, double ElapsedSeconds, long TargetRate, double StalledSeconds, long SendErrors, long Refused, long FlowSamples, long CounterSamples, double CpuSeconds)
{
    /// <summary>Datagrams per second achieved.</summary>
    public double Rate => ElapsedSeconds > 0 ? Sent / ElapsedSeconds : 0;

    /// <summary>Writes the result, with the corpus it came from, as one JSON object and a newline.</summary>
    public void WriteJsonLine(Stream output, ReplayCorpus corpus, int streams)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("sent", Sent);
            json.WriteNumber("bytes", Bytes);
            json.WriteNumber("elapsedSeconds", Math.Round(ElapsedSeconds, 6));
            json.WriteNumber("rate", Math.Round(Rate, 1));
            json.WriteNumber("targetRate", TargetRate);
            json.WriteNumber("stalledSeconds", Math.Round(StalledSeconds, 6));
            json.WriteNumber("sendErrors", SendErrors);
            json.WriteNumber("refused", Refused);
            json.WriteNumber("flowSamples", FlowSamples);
            json.WriteNumber("counterSamples", CounterSamples);
            json.WriteNumber("cpuSeconds", Math.Round(CpuSeconds, 3));
            json.WriteNumber("corpusDatagrams", corpus.Count);
            json.WriteNumber("corpusBytes", corpus.TotalBytes);
            json.WriteNumber("streams", streams);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
