using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Prometheus;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>A real Prometheus server scrapes the collector during a run and reports the counts the test sent.</summary>
[Collection(IntegrationTests.Collection)]
public sealed class PrometheusScrapeTests
{
    private const int MalformedDatagrams = 7;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Metrics_ScrapedByPrometheus_ReportDatagramsAndSamplesSent()
    {
        var corpus = SFlowCapture.LoadPayloads(RepositoryPaths.OvsCorpus);
        var (flowSamples, counterSamples) = CountSamples(corpus);
        await using var collector = new SFlowCollector(
            new CollectorOptions { Socket = new SocketOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), ReceiveLoops = 2 } },
            new NullSink(),
            NullLoggerFactory.Instance);
        collector.Start();
        await using var metrics = await MetricsServer.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), collector.Registry, () => true, NullLoggerFactory.Instance);
        await using var prometheus = await PrometheusServer.StartAsync(new Uri(metrics.Address, "metrics"));

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        foreach (var datagram in corpus)
        {
            await sender.SendToAsync(datagram, collector.LocalEndPoint!);
        }

        for (var i = 0; i < MalformedDatagrams; i++)
        {
            // A valid start (version 5, IPv4 agent) that declares more samples than it holds.
            var malformed = corpus[i][..40];
            await sender.SendToAsync(malformed, collector.LocalEndPoint!);
        }

        Assert.True(
            await Poll.UntilAsync(() => collector.GetStatistics().DatagramsReceived == corpus.Length + MalformedDatagrams, Timeout),
            $"collector received {collector.GetStatistics().DatagramsReceived} of {corpus.Length + MalformedDatagrams} datagrams");

        Assert.Equal(corpus.Length, await prometheus.WaitForValueAsync("""netm_sflow_datagrams_total{result="decoded"}""", corpus.Length, Timeout));
        Assert.Equal(MalformedDatagrams, await prometheus.WaitForValueAsync("""netm_sflow_datagrams_total{result="malformed"}""", MalformedDatagrams, Timeout));
        Assert.Equal(flowSamples, await prometheus.WaitForValueAsync("""netm_sflow_samples_total{type="flow"}""", flowSamples, Timeout));
        Assert.Equal(counterSamples, await prometheus.WaitForValueAsync("""netm_sflow_samples_total{type="counters"}""", counterSamples, Timeout));
        Assert.Equal(0, await prometheus.QueryAsync("""sum(netm_sflow_datagrams_total{result="dropped"})"""));
        Assert.Equal(0, await prometheus.QueryAsync("sum(netm_sflow_agent_lost_datagrams_total)"));
    }

    private static (int Flows, int Counters) CountSamples(byte[][] datagrams)
    {
        int flows = 0, counters = 0;
        foreach (var datagram in datagrams)
        {
            var reader = new SFlowDatagramReader(datagram);
            Assert.True(reader.TryReadHeader(out _));
            while (reader.TryReadSample(out var sample))
            {
                flows += sample.Header.Type == SFlowSampleType.Flow ? 1 : 0;
                counters += sample.Header.Type == SFlowSampleType.Counters ? 1 : 0;
            }
        }

        return (flows, counters);
    }
}
