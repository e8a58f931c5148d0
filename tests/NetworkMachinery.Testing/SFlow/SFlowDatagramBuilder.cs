using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Builds sFlow version 5 datagrams for tests and benchmarks: the header, then samples of any type in order.
/// Defaults make a valid datagram (version 5, agent 192.0.2.1); every field can be set to a wrong value on purpose.
/// </summary>
/// <example>
/// <code>
/// byte[] datagram = new SFlowDatagramBuilder()
///     .Agent(TestAddresses.Ip("10.0.0.1")).SequenceNumber(7)
///     .FlowSample(s => s.SequenceNumber(1).Source(0, 3).SamplingRate(400).Input(3).Output(4)
///         .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1514, 4, frame)))
///     .Build();
/// </code>
/// </example>
public sealed class SFlowDatagramBuilder
{
    private readonly List<SFlowStructure> _samples = [];
    private uint _version = SFlowDatagramReader.Version5;
    private uint? _agentType;
    private byte[] _agentBytes = [];
    private IpAddressValue _agent = TestAddresses.Ip("192.0.2.1");
    private uint _subAgentId;
    private uint _sequenceNumber;
    private uint _uptimeMs;
    private uint? _declaredSampleCount;

    /// <summary>Sets the version word (5 unless a test wants another).</summary>
    public SFlowDatagramBuilder Version(uint version)
    {
        _version = version;
        return this;
    }

    /// <summary>Sets the agent address; an absent address writes address type 0.</summary>
    public SFlowDatagramBuilder Agent(IpAddressValue address)
    {
        _agent = address;
        _agentType = null;
        return this;
    }

    /// <summary>Writes the agent address as any type word followed by any bytes, such as an unknown address type.</summary>
    public SFlowDatagramBuilder AgentRaw(uint addressType, ReadOnlySpan<byte> bytes)
    {
        _agentType = addressType;
        _agentBytes = bytes.ToArray();
        return this;
    }

    /// <summary>Sets the sub-agent id.</summary>
    public SFlowDatagramBuilder SubAgentId(uint value)
    {
        _subAgentId = value;
        return this;
    }

    /// <summary>Sets the datagram sequence number.</summary>
    public SFlowDatagramBuilder SequenceNumber(uint value)
    {
        _sequenceNumber = value;
        return this;
    }

    /// <summary>Sets the agent's uptime in milliseconds.</summary>
    public SFlowDatagramBuilder UptimeMs(uint value)
    {
        _uptimeMs = value;
        return this;
    }

    /// <summary>Writes <paramref name="count"/> as the sample count instead of the number of samples added.</summary>
    public SFlowDatagramBuilder DeclaredSampleCount(uint count)
    {
        _declaredSampleCount = count;
        return this;
    }

    /// <summary>Appends an encoded sample: one a sample builder made, or a hand-made one of any enterprise and format.</summary>
    public SFlowDatagramBuilder Sample(SFlowStructure sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _samples.Add(sample);
        return this;
    }

    /// <summary>Appends a flow sample (format 1).</summary>
    public SFlowDatagramBuilder FlowSample(Action<FlowSampleBuilder> configure) => Sample(Configure(new FlowSampleBuilder(), configure));

    /// <summary>Appends an expanded flow sample (format 3).</summary>
    public SFlowDatagramBuilder ExpandedFlowSample(Action<FlowSampleBuilder> configure) => Sample(Configure(new FlowSampleBuilder(expanded: true), configure));

    /// <summary>Appends a counter sample (format 2).</summary>
    public SFlowDatagramBuilder CounterSample(Action<CounterSampleBuilder> configure) => Sample(Configure(new CounterSampleBuilder(), configure));

    /// <summary>Appends an expanded counter sample (format 4).</summary>
    public SFlowDatagramBuilder ExpandedCounterSample(Action<CounterSampleBuilder> configure) => Sample(Configure(new CounterSampleBuilder(expanded: true), configure));

    /// <summary>Appends a discarded-packet sample (format 5).</summary>
    public SFlowDatagramBuilder DiscardSample(Action<DiscardSampleBuilder> configure) => Sample(Configure(new DiscardSampleBuilder(), configure));

    /// <summary>Encodes the datagram.</summary>
    public byte[] Build()
    {
        var writer = new XdrWriter().WriteUInt32(_version);
        if (_agentType is { } type)
        {
            writer.WriteUInt32(type).WriteRaw(_agentBytes);
        }
        else
        {
            writer.WriteAddress(_agent);
        }

        writer.WriteUInt32(_subAgentId).WriteUInt32(_sequenceNumber).WriteUInt32(_uptimeMs)
            .WriteUInt32(_declaredSampleCount ?? (uint)_samples.Count);
        foreach (var sample in _samples)
        {
            writer.WriteStructure(sample);
        }

        return writer.ToArray();
    }

    private static SFlowStructure Configure<TBuilder>(TBuilder builder, Action<TBuilder> configure)
        where TBuilder : SampleBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder);
        return builder.Build();
    }
}
