using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Replay;

namespace NetworkMachinery.Netm.Commands;

/// <summary>
/// <c>netm replay FILE.pcap --to HOST:PORT</c>: send the sFlow datagrams of a capture to a collector, looped and paced,
/// for load tests; prints one JSON line with what was sent.
/// </summary>
internal static class ReplayCommand
{
    // sendmmsg takes at most UIO_MAXIOV messages per call.
    private const int MaxBatch = 1024;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A pcap or pcapng capture holding sFlow datagrams; every UDP payload that looks like sFlow v5 is replayed.",
        }.AcceptExistingOnly();
        var to = new Option<IPEndPoint>("--to")
        {
            Description = "The collector's UDP address, HOST:PORT (e.g. 127.0.0.1:6343, [::1]:6343, localhost:6343).",
            Required = true,
            CustomParser = EndpointParser.Parse,
            HelpName = "HOST:PORT",
        };
        var rate = new Option<long>("--rate")
        {
            Description = "Datagrams per second; 0 sends as fast as possible.",
            HelpName = "DATAGRAMS_PER_SEC",
            DefaultValueFactory = _ => 0,
        };
        var duration = new Option<double?>("--duration") { Description = "Send for this many seconds, looping the corpus.", HelpName = "SECONDS" };
        var count = new Option<long?>("--count") { Description = "Send this many datagrams, looping the corpus. Default (no --duration): the corpus once.", HelpName = "N" };
        var batch = new Option<int>("--batch")
        {
            Description = $"Datagrams per sendmmsg call (1-{MaxBatch}); also the largest burst the pacing allows.",
            HelpName = "N",
            DefaultValueFactory = _ => 64,
        };
        var renumber = new Option<bool>("--renumber")
        {
            Description = "Rewrite each datagram's sequence number so every (agent, sub-agent) stream stays contiguous across loops (default true); --renumber false sends the datagrams unchanged.",
            DefaultValueFactory = _ => true,
        };
        rate.Validators.Add(r => Require(r, r.GetValueOrDefault<long>() >= 0, "--rate must be 0 or more"));
        duration.Validators.Add(r => Require(r, r.GetValueOrDefault<double?>() > 0, "--duration must be more than 0"));
        count.Validators.Add(r => Require(r, r.GetValueOrDefault<long?>() > 0, "--count must be more than 0"));
        batch.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() is >= 1 and <= MaxBatch, $"--batch must be between 1 and {MaxBatch}"));

        var command = new Command("replay", "Send the sFlow datagrams of a capture to a collector at a steady rate (sendmmsg batches); one JSON line with what was sent on stdout.")
        {
            file,
            to,
            rate,
            duration,
            count,
            batch,
            renumber,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(duration) is not null && r.GetResult(count) is not null)
            {
                r.AddError("give --duration or --count, not both");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ReplayOptions
            {
                Target = parse.GetRequiredValue(to),
                Rate = parse.GetValue(rate),
                Duration = parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Count = parse.GetValue(count),
                Batch = parse.GetValue(batch),
                Renumber = parse.GetValue(renumber),
            };
            // On a thread of its own, so that Ctrl+C finds the action started and waits for it to print what it sent.
            return Task.Run(() => Run(parse.GetRequiredValue(file), options, cancellationToken), CancellationToken.None);
        });
        return command;
    }

    private static int Run(FileInfo file, ReplayOptions options, CancellationToken cancellationToken)
    {
        ReplayCorpus corpus;
        try
        {
            corpus = ReplayCorpus.Load(file.FullName);
        }
        catch (PcapFormatException e)
        {
            Console.Error.WriteLine($"netm replay: {file.Name}: {e.Message}");
            return 1;
        }

        if (corpus.Count == 0)
        {
            Console.Error.WriteLine($"netm replay: {file.Name} holds no sFlow datagrams ({corpus.SkippedPackets} other packets)");
            return 1;
        }

        var renumberer = SequenceRenumberer.Create(corpus);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"netm replay: {corpus.Count} sFlow datagrams ({corpus.TotalBytes / corpus.Count} bytes on average, {renumberer.Streams} agent streams) from {file.Name}, {corpus.SkippedPackets} other packets skipped; sending to {options.Target} at {(options.Rate > 0 ? $"{options.Rate}/s" : "full speed")}"));
        try
        {
            using var sender = new PacedSender(corpus, options.Renumber ? renumberer : null, options);
            var result = sender.Run(cancellationToken);
            using var stdout = Console.OpenStandardOutput();
            result.WriteJsonLine(stdout, corpus, renumberer.Streams);
            return 0;
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            Console.Error.WriteLine($"netm replay: {e.Message}");
            return 1;
        }
    }

    private static void Require(OptionResult result, bool valid, string error)
    {
        if (!valid)
        {
            result.AddError(error);
        }
    }
}
