namespace NetworkMachinery.Testing.SFlow;

/// <summary>Builds a discarded-packet sample (format 5, sFlow drops extension): an expanded source, plain ifIndex interfaces and a reason.</summary>
public sealed class DiscardSampleBuilder : SampleBuilder<DiscardSampleBuilder>
{
    private uint _drops;
    private uint _input;
    private uint _output;
    private uint _reason;

    /// <inheritdoc />
    protected override uint DataFormat => 5;

    /// <summary>Sets the count of discards the agent failed to sample.</summary>
    public DiscardSampleBuilder Drops(uint value)
    {
        _drops = value;
        return this;
    }

    /// <summary>Sets the input ifIndex (0 unknown).</summary>
    public DiscardSampleBuilder Input(uint ifIndex)
    {
        _input = ifIndex;
        return this;
    }

    /// <summary>Sets the output ifIndex (0 unknown).</summary>
    public DiscardSampleBuilder Output(uint ifIndex)
    {
        _output = ifIndex;
        return this;
    }

    /// <summary>Sets the drop reason code.</summary>
    public DiscardSampleBuilder Reason(uint value)
    {
        _reason = value;
        return this;
    }

    /// <inheritdoc />
    protected override void WriteFixedFields(XdrWriter writer)
    {
        WriteSequenceAndSource(writer, expanded: true);
        writer.WriteUInt32(_drops).WriteUInt32(_input).WriteUInt32(_output).WriteUInt32(_reason);
    }
}
