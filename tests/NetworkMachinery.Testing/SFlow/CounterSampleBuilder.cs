namespace NetworkMachinery.Testing.SFlow;

/// <summary>Builds a counter sample: format 2 (compact source id) or format 4 (expanded).</summary>
/// <param name="expanded">True for the expanded form (format 4).</param>
public sealed class CounterSampleBuilder(bool expanded = false) : SampleBuilder<CounterSampleBuilder>
{
    /// <inheritdoc />
    protected override uint DataFormat => expanded ? 4u : 2u;

    /// <inheritdoc />
    protected override void WriteFixedFields(XdrWriter writer) => WriteSequenceAndSource(writer, expanded);
}
