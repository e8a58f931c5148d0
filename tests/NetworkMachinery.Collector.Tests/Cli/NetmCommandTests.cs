using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.Collector.Tests.Cli;

/// <summary>The <c>netm</c> program itself, run as a process: what a user types and what they get back.</summary>
public class NetmCommandTests
{
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Collect_BadListenAddress_FailsWithAClearError()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [NetmDecoder.Program, "collect", "--listen", "collector:6343"], Tolerant);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not an IP address", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_PortInUse_FailsWithAClearError()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        var result = await ProcessRunner.RunAsync("dotnet", [NetmDecoder.Program, "collect", "--listen", $"127.0.0.1:{port}", "--metrics-listen", "none"], Tolerant);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_NotACapture_FailsWithAClearError()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "this is not a capture");

            var result = await ProcessRunner.RunAsync("dotnet", [NetmDecoder.Program, "decode", file], Tolerant);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("not a pcap or pcapng capture", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Collect_ToFile_WritesRecordsAndStopsGracefullyOnSigterm()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nmt-collect-{Guid.NewGuid():N}.jsonl");
        var port = FreePorts.Udp();
        try
        {
            await using var collector = BackgroundProcess.Start("dotnet", [
                NetmDecoder.Program, "collect", "--listen", $"127.0.0.1:{port}", "--output", output, "--metrics-listen", "none",
            ]);
            await collector.WaitForOutputAsync("Listening for sFlow", TimeSpan.FromSeconds(60));
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var datagram = SFlowDatagramCorpus.Build(SFlowDatagramCorpus.Names[0]);
            for (var i = 0; i < 5; i++)
            {
                await sender.SendToAsync(datagram, new IPEndPoint(IPAddress.Loopback, port));
            }

            await Task.Delay(500);
            var stopped = await collector.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(30));

            Assert.Equal(0, stopped.ExitCode);
            Assert.Contains("received 5 datagrams: 5 decoded, 0 malformed", stopped.StandardError, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(output);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Contains(JsonDocument.Parse(line).RootElement.GetProperty("type").GetString(), new[] { "flow", "counters" }));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
