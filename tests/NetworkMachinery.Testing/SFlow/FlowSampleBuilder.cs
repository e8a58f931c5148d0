using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>Builds a flow sample: format 1 (compact source and interfaces) or format 3 (expanded).</summary>
/// <param name="expanded">True for the expanded form (format 3).</param>
public sealed class FlowSampleBuilder(bool expanded = false) : SampleBuilder<FlowSampleBuilder>
{
    private uint _samplingRate;
    private uint _samplePool;
    private uint _drops;
    private SFlowInterface _input;
    private SFlowInterface _output;

    /// <inheritdoc />
    protected override uint DataFormat => expanded ? 3u : 1u;

    /// <summary>Sets the sampling rate (one packet in this many).</summary>
    public FlowSampleBuilder SamplingRate(uint value)
    {
        _samplingRate = value;
        return this;
    }

    /// <summary>Sets the sample pool (packets that could have been sampled).</summary>
    public FlowSampleBuilder SamplePool(uint value)
    {
        _samplePool = value;
        return this;
    }

    /// <summary>Sets the drop count.</summary>
    public FlowSampleBuilder Drops(uint value)
    {
        _drops = value;
        return this;
    }

    /// <summary>Sets the input interface to an ifIndex.</summary>
    public FlowSampleBuilder Input(uint ifIndex) => Input(new SFlowInterface(InterfaceFormat.IfIndex, ifIndex));

    /// <summary>Sets the input interface: any format, such as a discard reason or a count of interfaces.</summary>
    public FlowSampleBuilder Input(SFlowInterface value)
    {
        _input = value;
        return this;
    }

    /// <summary>Sets the output interface to an ifIndex.</summary>
    public FlowSampleBuilder Output(uint ifIndex) => Output(new SFlowInterface(InterfaceFormat.IfIndex, ifIndex));

    /// <summary>Sets the output interface: any format, such as a discard reason or a count of interfaces.</summary>
    public FlowSampleBuilder Output(SFlowInterface value)
    {
        _output = value;
        return this;
    }

    /// <inheritdoc />
    protected override void WriteFixedFields(XdrWriter writer)
    {
        WriteSequenceAndSource(writer, expanded);
        writer.WriteUInt32(_samplingRate).WriteUInt32(_samplePool).WriteUInt32(_drops);
        WriteInterface(writer, _input);
        WriteInterface(writer, _output);
    }

    private void WriteInterface(XdrWriter writer, SFlowInterface value)
    {
        if (expanded)
        {
            writer.WriteUInt32((uint)value.Format).WriteUInt32(value.Value);
            return;
        }

        // The compact form: the format in the top 2 bits, the value in the low 30.
        if ((uint)value.Format > 3 || value.Value > 0x3FFF_FFFF)
        {
            throw new InvalidOperationException($"Interface {value} does not fit the compact form; use the expanded sample.");
        }

        writer.WriteUInt32(((uint)value.Format << 30) | value.Value);
    }
}
