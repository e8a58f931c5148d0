using System.Text.Json;
using NetworkMachinery.SFlow.Json;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>docs/decode-json.md must name every field and every record name the JSON writer can print.</summary>
public class DecodeJsonDocumentationTests
{
    [Fact]
    public void DecodeJsonDoc_EveryPrintedFieldAndRecordName_IsDocumented()
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var recordNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var datagram in DatagramsPrintingEveryField())
        {
            foreach (var written in JsonSamples.Write(datagram))
            {
                Collect(written.Json, fields, recordNames);
            }
        }

        // The datagrams must reach every record type, or a missing field would go unnoticed.
        var allNames = FlowRecordFormats.All.Select(SampleJsonWriter.FlowRecordName)
            .Concat(CounterRecordFormats.All.Select(SampleJsonWriter.CounterRecordName));
        Assert.Empty(allNames.Except(recordNames));

        var doc = File.ReadAllText(FindDoc());
        var undocumented = fields.Concat(recordNames).Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, $"Not in docs/decode-json.md: {string.Join(", ", undocumented)}");
    }

    private static IEnumerable<byte[]> DatagramsPrintingEveryField()
    {
        foreach (var name in SFlowDatagramCorpus.Names)
        {
            yield return SFlowDatagramCorpus.Build(name);
        }

        yield return new SFlowDatagramBuilder()
            .ExpandedFlowSample(s => s
                .Input(new SFlowInterface(InterfaceFormat.Reserved, 1))
                .Output(new SFlowInterface(InterfaceFormat.Discarded, 2))
                .Record(new SFlowStructure((uint)FlowRecordFormat.ExtendedSwitch, new byte[4])))
            .ExpandedFlowSample(s => s
                .Input(new SFlowInterface(InterfaceFormat.Discarded, 3))
                .Output(new SFlowInterface(InterfaceFormat.Reserved, 4)))
            .Build();
    }

    private static void Collect(JsonElement element, ISet<string> fields, ISet<string> recordNames)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    fields.Add(property.Name);
                    if (property.Name == "name")
                    {
                        recordNames.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, fields, recordNames);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, fields, recordNames);
                }

                break;
        }
    }

    private static string FindDoc()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "decode-json.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/decode-json.md not found above " + AppContext.BaseDirectory);
    }
}
