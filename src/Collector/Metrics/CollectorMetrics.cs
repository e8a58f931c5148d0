using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.SFlow;
using Prometheus;

namespace NetworkMachinery.Collector.Metrics;

/// <summary>
/// The collector's Prometheus metrics. The hot path only bumps plain per-worker counters; this class turns them into
/// Prometheus series when the registry is scraped, so metrics cost nothing per datagram.
/// </summary>
internal sealed class CollectorMetrics
{
    private readonly SFlowCollector _collector;
    private readonly Counter _datagrams;
    private readonly Counter _received;
    private readonly Counter _receivedBytes;
    private readonly Counter _dropped;
    private readonly Counter _malformed;
    private readonly Counter _samples;
    private readonly Counter _records;
    private readonly Counter _recordsEmitted;
    private readonly Counter _agentDatagrams;
    private readonly Counter _agentLost;
    private readonly Counter _agentLate;
    private readonly Counter _agentDuplicates;
    private readonly Counter _agentLostSamples;
    private readonly Counter _agentRestarts;
    private readonly Gauge _agentLastSeen;
    private readonly Gauge _agents;
    private readonly Gauge _queueBytes;
    private readonly Gauge _queueDatagrams;
    private readonly Counter _backpressure;
    private readonly Counter _receivePaused;
    private readonly Counter _receiveErrors;
    private readonly Counter _sinkFailures;
    private readonly Gauge _receiveBuffer;

    public CollectorMetrics(SFlowCollector collector, CollectorRegistry registry)
    {
        _collector = collector;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _datagrams = factory.CreateCounter("netm_sflow_datagrams_total", "sFlow datagrams by outcome: decoded, malformed, or dropped before decoding (queue full, oversize, kernel socket buffer).", "result");
        _received = factory.CreateCounter("netm_sflow_datagrams_received_total", "sFlow datagrams read from the sockets.");
        _receivedBytes = factory.CreateCounter("netm_sflow_received_bytes_total", "Bytes of sFlow datagrams read from the sockets.");
        _dropped = factory.CreateCounter("netm_sflow_datagrams_dropped_total", "sFlow datagrams dropped before decoding, by reason: oversize, socket_buffer (the kernel's receive buffer overflowed).", "reason");
        _malformed = factory.CreateCounter("netm_sflow_datagrams_malformed_total", "Malformed sFlow datagrams by reason.", "reason");
        _samples = factory.CreateCounter("netm_sflow_samples_total", "sFlow samples by type.", "type");
        _records = factory.CreateCounter("netm_sflow_records_total", "sFlow records by kind (flow, counter) and format number; unknown formats are skipped by length.", "kind", "format");
        _recordsEmitted = factory.CreateCounter("netm_collector_records_emitted_total", "Typed records handed to the output, by kind.", "kind");
        _agentDatagrams = factory.CreateCounter("netm_sflow_agent_datagrams_total", "Datagrams received per agent stream.", "agent", "sub_agent");
        _agentLost = factory.CreateCounter("netm_sflow_agent_lost_datagrams_total", "Datagram sequence numbers skipped when due, per agent stream (lost, unless they arrive late).", "agent", "sub_agent");
        _agentLate = factory.CreateCounter("netm_sflow_agent_late_datagrams_total", "Datagrams that arrived after a later one, filling a gap counted as lost; lost minus late is what never arrived.", "agent", "sub_agent");
        _agentDuplicates = factory.CreateCounter("netm_sflow_agent_duplicate_datagrams_total", "Datagrams whose sequence number had already arrived, per agent stream.", "agent", "sub_agent");
        _agentLostSamples = factory.CreateCounter("netm_sflow_agent_lost_samples_total", "Samples missing per agent stream, from per-source sample sequence gaps (lost on the way, or in datagrams dropped here).", "agent", "sub_agent");
        _agentRestarts = factory.CreateCounter("netm_sflow_agent_restarts_total", "Agent restarts seen (sequence or uptime went back), per agent stream.", "agent", "sub_agent");
        _agentLastSeen = factory.CreateGauge("netm_sflow_agent_last_seen_timestamp_seconds", "When the last datagram of the agent stream arrived (Unix time).", "agent", "sub_agent");
        _agents = factory.CreateGauge("netm_sflow_agents", "Agent streams being followed.");
        DecodeDuration = factory.CreateHistogram(
            "netm_sflow_decode_duration_seconds",
            "Time to decode, account and build the records of one datagram (measured on every 16th datagram).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.000_000_25, 2, 14) });
        _queueBytes = factory.CreateGauge("netm_collector_queue_bytes", "Bytes queued between the receive loops and the decode workers.");
        _queueDatagrams = factory.CreateGauge("netm_collector_queue_datagrams", "Datagrams queued between the receive loops and the decode workers.");
        _backpressure = factory.CreateCounter("netm_collector_backpressure_events_total", "Times a receive loop found its queue full and stopped receiving until its decode worker caught up.");
        _receivePaused = factory.CreateCounter("netm_collector_receive_paused_seconds_total", "Time the receive loops spent stopped because their queue was full (the socket buffers held what arrived).");
        _receiveErrors = factory.CreateCounter("netm_collector_receive_errors_total", "Socket receive errors other than timeouts.");
        _sinkFailures = factory.CreateCounter("netm_collector_sink_failures_total", "Records the output failed to take.");
        _receiveBuffer = factory.CreateGauge("netm_collector_socket_receive_buffer_bytes", "Kernel receive buffer of each listening socket.");
        // Process and runtime series (CPU, memory, GC collections), as every Prometheus exporter has.
        DotNetStats.Register(registry);
        registry.AddBeforeCollectCallback(Publish);
    }

    /// <summary>Decode time per datagram, observed by the decode workers.</summary>
    public Histogram DecodeDuration { get; }

    private void Publish()
    {
        var statistics = _collector.GetStatistics();
        _datagrams.WithLabels("decoded").IncTo(statistics.DatagramsDecoded);
        _datagrams.WithLabels("malformed").IncTo(statistics.DatagramsMalformed + statistics.InternalErrors);
        _datagrams.WithLabels("dropped").IncTo(statistics.DatagramsDropped);
        _received.IncTo(statistics.DatagramsReceived);
        _receivedBytes.IncTo(statistics.BytesReceived);
        _dropped.WithLabels("oversize").IncTo(statistics.DroppedOversize);
        _dropped.WithLabels("socket_buffer").IncTo(statistics.DroppedSocketBuffer);
        foreach (var (code, count) in statistics.MalformedByReason)
        {
            _malformed.WithLabels(SFlowErrorText.Label(code)).IncTo(count);
        }

        _malformed.WithLabels("internal_error").IncTo(statistics.InternalErrors);
        foreach (var (type, count) in statistics.Samples)
        {
            _samples.WithLabels(SampleTypeLabel(type)).IncTo(count);
        }

        var (flow, counter) = _collector.GetRecordCounts();
        for (var i = 0; i < flow.Length; i++)
        {
            _records.WithLabels("flow", RecordFormatIndex.FlowLabels[i]).IncTo(flow[i]);
        }

        for (var i = 0; i < counter.Length; i++)
        {
            _records.WithLabels("counter", RecordFormatIndex.CounterLabels[i]).IncTo(counter[i]);
        }

        _recordsEmitted.WithLabels("flow").IncTo(statistics.FlowRecords);
        _recordsEmitted.WithLabels("counter").IncTo(statistics.CounterRecords);
        foreach (var (key, agent) in _collector.GetAgents())
        {
            var labels = new[] { key.Address.ToString(), key.SubAgentId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            _agentDatagrams.WithLabels(labels).IncTo(agent.Datagrams);
            _agentLost.WithLabels(labels).IncTo(agent.LostDatagrams);
            _agentLate.WithLabels(labels).IncTo(agent.LateDatagrams);
            _agentDuplicates.WithLabels(labels).IncTo(agent.DuplicateDatagrams);
            _agentLostSamples.WithLabels(labels).IncTo(agent.LostSamples);
            _agentRestarts.WithLabels(labels).IncTo(agent.Restarts);
            _agentLastSeen.WithLabels(labels).Set(agent.LastSeenUnixMs / 1000.0);
        }

        _agents.Set(statistics.Agents);
        _queueBytes.Set(statistics.QueuedBytes);
        _queueDatagrams.Set(statistics.QueuedDatagrams);
        _backpressure.IncTo(statistics.BackpressureEvents);
        _receivePaused.IncTo(statistics.ReceivePausedSeconds);
        _receiveErrors.IncTo(statistics.ReceiveErrors);
        _sinkFailures.IncTo(statistics.SinkFailures);
        _receiveBuffer.Set(_collector.ReceiveBufferBytes);
    }

    private static string SampleTypeLabel(SFlowSampleType type) => type switch
    {
        SFlowSampleType.Flow => "flow",
        SFlowSampleType.Counters => "counters",
        SFlowSampleType.ExpandedFlow => "expanded_flow",
        SFlowSampleType.ExpandedCounters => "expanded_counters",
        SFlowSampleType.Discard => "discard",
        _ => "unknown",
    };
}
