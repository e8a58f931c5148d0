using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Prober.Execution;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes.Icmp;
using NetworkMachinery.Prober.Probes.Tcp;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Benchmarks.Prober;

/// <summary>
/// <c>prober</c>: the prober's runner (as the agent runs it) probing from one network namespace to another, half TCP
/// connects to a listening port and half ICMP echoes, with a fixed number in flight, for a fixed time; then the same
/// checks as <c>ip netns exec CLIENT ping -c1</c> and <c>nc -z</c> processes, one per probe, the way the original
/// project exec'ed them into pods. Markdown on stdout, progress on stderr.
/// </summary>
internal static class ProberBenchCommand
{
    private const int Port = 8080;
    private static readonly IPAddress Client = IPAddress.Parse("10.79.0.1");
    private static readonly IPAddress Server = IPAddress.Parse("10.79.0.2");

    public static Task<int> RunAsync(IReadOnlyList<string> args) => WholeRun.RunAsync("prober", args, ProberBenchOptions.Usage, ProberBenchOptions.Parse, RunAndReportAsync);

    private static async Task<int> RunAndReportAsync(ProberBenchOptions options, CancellationToken cancellationToken)
    {
        await using var client = await NetworkNamespace.CreateAsync(cancellationToken);
        await using var server = await NetworkNamespace.CreateAsync(cancellationToken);
        await client.CreateVethPairAsync("eth0", server, "eth0", cancellationToken);
        await client.AddAddressAsync("eth0", Client, 24, cancellationToken);
        await server.AddAddressAsync("eth0", Server, 24, cancellationToken);
        foreach (var ns in new[] { client, server })
        {
            await ns.SetLinkUpAsync("eth0", cancellationToken);
            await ns.SetLinkUpAsync("lo", cancellationToken);
        }

        using var listener = server.CreateSocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Server, Port));
        listener.Listen(4096);
        using var stopServer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = ServeAsync(listener, stopServer.Token);

        var duration = TimeSpan.FromSeconds(options.Seconds);
        Log($"namespaces {client.Name} -> {server.Name}; {options.Concurrency} probes in flight, {options.Seconds} s each side");
        var native = await NativeAsync(client, options.Concurrency, duration, cancellationToken);
        Log($"native: {native.Rate:0} probes/s");
        var exec = await ExecAsync(client, options.Concurrency, duration, cancellationToken);
        Log($"exec: {exec.Rate:0} probes/s");
        await stopServer.CancelAsync();
        await serving;

        Console.WriteLine(Report(options, native, exec));
        return native.Answered == native.Probes && exec.Answered == exec.Probes ? 0 : 1;
    }

    private static async Task<SideResult> NativeAsync(NetworkNamespace client, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var switcher = new NamespaceSwitcher();
        using var runner = new ProbeRunner(
            new ProberOptions { MaxConcurrentProbesPerNode = concurrency, MaxConcurrentProbesPerPod = concurrency },
            new NamedNamespaceResolver(),
            switcher,
            [new IcmpProbe(), new TcpProbe()]);
        var side = await MeasureAsync("prober (native, in process)", concurrency, duration, async (n, token) =>
        {
            var layer = n % 2 == 0 ? 4u : 3u;
            var task = new ProbeTask
            {
                Test = new ProbeResult.Types.TestRef { Namespace = "bench", Name = "bench" },
                RunId = n.ToString(CultureInfo.InvariantCulture),
                Source = new ProbeResult.Types.Source { PodNamespace = "bench", PodName = client.Name },
                Layer = layer,
                Count = 1,
                TimeoutNs = 1_000_000_000,
            };
            task.Targets.Add(new ProbeResult.Types.Destination
            {
                Kind = ProbeResult.Types.Destination.Types.Kind.Ip,
                Address = Server.ToString(),
                Port = layer == 4 ? (uint)Port : 0,
                Protocol = layer == 4 ? ProbeResult.Types.Destination.Types.Protocol.Tcp : ProbeResult.Types.Destination.Types.Protocol.Unspecified,
            });
            var answered = true;
            await foreach (var result in runner.RunAsync(task, token))
            {
                answered &= result.Verdict == ProbeResult.Types.Verdict.Reachable;
            }

            return answered;
        }, cancellationToken);

        // The native side runs first, so the process's peak so far is its peak: runtime, runner, probes in flight.
        return side with { PeakRssMiB = MemorySampler.Read(Environment.ProcessId).Peak };
    }

    private static async Task<SideResult> ExecAsync(NetworkNamespace client, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var children = new ChildProcessMemory();
        SideResult side;
        await using (children)
        {
            side = await MeasureAsync("ping and nc processes (exec per probe)", concurrency, duration, ExecProbeAsync, cancellationToken);
        }

        // The processes in flight at once, not this process, which only starts them.
        return side with { PeakRssMiB = children.PeakMiB };

        async Task<bool> ExecProbeAsync(int n, CancellationToken token)
        {
            string[] command = n % 2 == 0
                ? ["netns", "exec", client.Name, "nc", "-z", "-w", "1", Server.ToString(), Port.ToString(CultureInfo.InvariantCulture)]
                : ["netns", "exec", client.Name, "ping", "-c", "1", "-W", "1", "-q", Server.ToString()];
            var result = await ProcessRunner.RunAsync("ip", command, new ProcessOptions { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(10) }, token);
            return result.ExitCode == 0;
        }
    }

    // Keeps `concurrency` probes in flight until `duration` has passed, then lets those in flight finish.
    private static async Task<SideResult> MeasureAsync(string name, int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        var next = 0;
        var probes = 0;
        var answered = 0;
        var cpuBefore = MachineCpu.Busy();
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var ok = await probe(Interlocked.Increment(ref next), cancellationToken);
                Interlocked.Increment(ref probes);
                if (ok)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        });
        await Task.WhenAll(workers);
        stopwatch.Stop();
        var cpu = MachineCpu.Busy() - cpuBefore;
        return new SideResult(name, probes, answered, stopwatch.Elapsed, cpu, 0);
    }

    private static async Task ServeAsync(Socket listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var accepted = await listener.AcceptAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static string Report(ProberBenchOptions options, SideResult native, SideResult exec)
    {
        var ratio = native.Rate / exec.Rate;
        return string.Create(CultureInfo.InvariantCulture, $"""
            | {options.Concurrency} in flight, {options.Seconds} s each, half TCP connect and half ICMP echo | probes | answered | probes/s | machine CPU cores per 1,000 probes/s | peak RSS MiB | ratio |
            |---|---:|---:|---:|---:|---:|---:|
            | {exec.Name} (peer) | {exec.Probes:N0} | {exec.Answered:N0} | {exec.Rate:N0} | {exec.CoresPerThousand:0.00} | {exec.PeakRssMiB:0.0} | 1.0x |
            | **{native.Name}** | {native.Probes:N0} | {native.Answered:N0} | **{native.Rate:N0}** | {native.CoresPerThousand:0.00} | {native.PeakRssMiB:0.0} | **{ratio:0.0}x** |

            Peak RSS: the peer's is the summed VmRSS of its `ping`/`nc` processes in flight at once (sampled every 200 ms);
            the prober's is the benchmark process's VmHWM after the native side (runtime, runner and probes in flight).
            """);
    }

    private static void Log(string message) => Console.Error.WriteLine($"prober: {message}");
}
