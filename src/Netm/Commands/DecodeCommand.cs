using System.CommandLine;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Netm.Decode;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm decode FILE.pcap</c>: print every sFlow sample of a capture as one JSON object per line.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A pcap or pcapng capture (tcpdump -w, tshark -w) holding sFlow datagrams.",
        }.AcceptExistingOnly();
        var port = new Option<int?>("--port")
        {
            Description = "Only decode UDP datagrams sent to this port (default: any datagram that looks like sFlow v5).",
        };
        var command = new Command("decode", "Decode every sFlow datagram in a capture file; one JSON object per sample on stdout, a summary on stderr.")
        {
            file,
            port,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(file), parse.GetValue(port)));
        return command;
    }

    private static int Run(FileInfo file, int? port)
    {
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
        var decoder = new CaptureDecoder(stdout, Console.Error, port);
        try
        {
            using var capture = PcapReader.Open(file.FullName);
            decoder.Decode(capture);
        }
        catch (PcapFormatException e)
        {
            stdout.Flush();
            Console.Error.WriteLine($"netm decode: {file.Name}: {e.Message}");
            Console.Error.WriteLine($"netm decode: {decoder.Summary}");
            return 1;
        }

        stdout.Flush();
        Console.Error.WriteLine($"netm decode: {decoder.Summary}");
        return 0;
    }
}
