using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Runs the decode path over real Open vSwitch datagrams before traffic arrives, so that the JIT has compiled it
/// when the first datagrams come. Otherwise the first decode worker to meet a 100,000 datagrams/s stream spends its
/// first tenths of a second compiling, and the queue in front of it overflows.
/// </summary>
internal static class DecodeWarmup
{
    // From testdata/ovs-sflow.pcap (Open vSwitch 3.1): a flow datagram whose sampled headers are IPv4 and IPv6 TCP,
    // UDP, ICMP and ICMPv6, and a counter datagram (generic, Ethernet, OpenFlow port, port name records).
    private static readonly string[] Datagrams =
    [
        "AAAABQAAAAF/AAABAAAAAAAACkIAABOIAAAACAAAAAEAAADAAAA+1gIAA+gAAAABAAA+1gAAAAAAAAAFAAAABwAAAAIAAAPpAAAA" +
        "EAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAgAAAAAEAAAB0AAAABAAAAHBuLK0VPimicP9SSWiG3WAENPMAOjpA/QAAeAAAAAAAAAAA" +
        "AAAAAv0AAHgAAAAAAAAAAAAAAAQBBI9fAAAAAGAJAvgAChFA/QAAeAAAAAAAAAAAAAAABP0AAHgAAAAAAAAAAAAAAAKudxtlAArC" +
        "+3gKAAAAAQAAAJwAAD7XAgAD6AAAAAEAAD7XAAAAAAAAAAQAAAAGAAAAAgAAA+kAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAEAAABc" +
        "AAAAAQAAAE4AAAAEAAAASiZZ79RiG/Z6hvmzKAgARQAAPDTbQABABvFBCk4AAQpOAAORdBtme7scMQAAAACgAvrwiGAAAAIEBbQE" +
        "AggKUTEaFAAAAAABAwMKAAAAAAABAAAAiAAAPtgCAAPoAAAAAQAAPtgAAAAAAAAABgAAAAQAAAACAAAD6QAAABAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAQAAAEgAAAABAAAAOgAAAAQAAAA29nqG+bMoJlnv1GIbCABFAAAoAABAAEAGJjEKTgADCk4AARtmkXQAAAAAe7sc" +
        "MlAUAABWaQAAA+gAAAABAAAAsAAAPtkCAAPoAAAAAQAAPtkAAAAAAAAABQAAAAcAAAACAAAD6QAAABAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAQAAAHAAAAABAAAAYgAAAAQAAABebiytFT4ponD/Ukloht1gDRlkACgGQP0AAHgAAAAAAAAAAAAAAAL9AAB4AAAAAAAAAAAA" +
        "AAAE2ogbZvP/n5sAAAAAoAL9IMNLAAACBAWgBAIICgg2+uwAAAAAAQMDCgAEAAAAAQAAAJwAAD7aAgAD6AAAAAEAAD7aAAAAAAAA" +
        "AAcAAAAFAAAAAgAAA+kAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAEAAABcAAAAAQAAAE4AAAAEAAAASqJw/1JJaG4srRU+KYbdYAvu" +
        "JwAUBkD9AAB4AAAAAAAAAAAAAAAE/QAAeAAAAAAAAAAAAAAAAhtm2ogAAAAA8/+fnFAUAAArTgAAAAEAAAABAAAAfAAAPtsCAAPo" +
        "AAAAAQAAPtsAAAAAAAAABgAAAAQAAAACAAAD6QAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAADwAAAABAAAAMAAAAAQAAAAs9nqG" +
        "+bMoJlnv1GIbCABFAAAexolAAEARX6YKTgADCk4AAcBxG2YACpdYeAoAAAABAAAAmAAAPtwCAAPoAAAAAQAAPtwAAAAAAAAABAAA" +
        "AAYAAAACAAAD6QAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAFgAAAABAAAATAAAAAQAAABIJlnv1GIb9nqG+bMoCABFwAA65X0A" +
        "AEABf+YKTgABCk4AAwMDEbgAAAAARQAAHsaJQABAEV+mCk4AAwpOAAHAcRtmAAqXWHgKAAAAAQAAAJAAAD7dAgAD6AAAAAEAAD7d" +
        "AAAAAAAAAAcAAAAFAAAAAgAAA+kAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAEAAABQAAAAAQAAAEQAAAAEAAAAQKJw/1JJaG4srRU+" +
        "KYbdYAhxZQAKEUD9AAB4AAAAAAAAAAAAAAAE/QAAeAAAAAAAAAAAAAAAAumwG2YACofBeAo=",
        "AAAABQAAAAF/AAABAAAAAAAAAJ8AAAPoAAAABQAAAAIAAADUAAAAAQAAAAcAAAAEAAAAAgAAADQAAAAAAAAAAP//////////////" +
        "////////////////////////////////////////////AAAD7AAAAAwAAKJQV0+vTQAAAAQAAAPtAAAAEAAAAAxubXQ3YTdhYWY0" +
        "MTQAAAABAAAAWAAAAAcAAAAGAAAAAlQL5AAAAAABAAAAAwAAAAAAA9OSAAAAxwAAAAD/////AAAAAAAAAAD/////AAAAAAAAwsAA" +
        "AACW//////////8AAAAAAAAAAAAAAAAAAAACAAAA1AAAAAEAAAAGAAAABAAAAAIAAAA0AAAAAAAAAAD/////////////////////" +
        "/////////////////////////////////////wAAA+wAAAAMAACiUFdPr00AAAADAAAD7QAAABAAAAAMbm10N2E3YWFmNDEzAAAA" +
        "AQAAAFgAAAAGAAAABgAAAAJUC+QAAAAAAQAAAAMAAAAAAACN4gAAAFMAAAAA/////wAAAAAAAAAA/////wAAAAAAAZuSAAAAdf//" +
        "////////AAAAAAAAAAAAAAAAAAAAAgAAANQAAAABAAAABQAAAAQAAAACAAAANAAAAAAAAAAA////////////////////////////" +
        "//////////////////////////////8AAAPsAAAADAAAolBXT69NAAAAAgAAA+0AAAAQAAAADG5tdDdhN2FhZjQxMgAAAAEAAABY" +
        "AAAABQAAAAYAAAACVAvkAAAAAAEAAAADAAAAAAAB1nwAAAFiAAAAAP////8AAAAAAAAAAP////8AAAAAAAa1qgAAAW3/////////" +
        "/wAAAAAAAAAAAAAAAAAAAAIAAADUAAAAAQAAAAQAAAAEAAAAAgAAADQAAAAAAAAAAP//////////////////////////////////" +
        "////////////////////////AAAD7AAAAAwAAKJQV0+vTQAAAAEAAAPtAAAAEAAAAAxubXQ3YTdhYWY0MTEAAAABAAAAWAAAAAQA" +
        "AAAGAAAAAlQL5AAAAAABAAAAAwAAAAAABuPcAAABnAAAAAD/////AAAAAAAAAAD/////AAAAAAAEFY4AAAHL//////////8AAAAA" +
        "AAAAAAAAAAAAAAACAAAAzAAAAAEAAAADAAAABAAAAAIAAAA0AAAAAAAAAAD/////////////////////////////////////////" +
        "/////////////////wAAA+wAAAAMAACiUFdPr00AAP/+AAAD7QAAAAgAAAADYnIwAAAAAAEAAABYAAAAAwAAAAYAAAACVAvkAAAA" +
        "AAEAAAAAAAAAAAAAAAAAAAAAAAAAAP////8AAAAAAAAAAP////8AAAAAAAAAAAAAAAD//////////wAAABIAAAAAAAAAAA==",
    ];

    /// <summary>Decodes the sample datagrams repeatedly for about <paramref name="budget"/>, into throwaway state.</summary>
    public static void Run(TimeSpan budget)
    {
        var histogram = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()).CreateHistogram("warmup_seconds", "unused");
        var processor = new DatagramProcessor(new AgentTable(1), new DecodeStatistics(), new MalformedDatagramLog(NullLogger.Instance, TimeSpan.FromHours(1)), histogram, NullLogger.Instance);
        var frames = Datagrams.Select(text =>
        {
            var payload = Convert.FromBase64String(text);
            var frame = new byte[DatagramFrame.HeaderSize + payload.Length];
            DatagramFrame.WriteHeader(frame, payload.Length, [], 0);
            payload.CopyTo(frame.AsSpan(DatagramFrame.HeaderSize));
            return frame;
        }).ToArray();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            foreach (var frame in frames)
            {
                processor.Process(frame);
            }

            processor.Batch.Clear();
        }
    }
}
