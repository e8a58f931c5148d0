namespace NetworkMachinery.Netm.Decode;

/// <summary>What <c>netm decode</c> found in a capture.</summary>
internal sealed class DecodeSummary
{
    public long Packets => Datagrams + NonSFlowPackets;

    public long Datagrams { get; set; }

    public long Samples { get; set; }

    public long NonSFlowPackets { get; set; }

    public long Malformed { get; set; }

    public override string ToString() =>
        $"{Packets} packets: {Datagrams} sFlow datagrams ({Samples} samples), {Malformed} malformed, {NonSFlowPackets} non-sFlow packets skipped";
}
