namespace NetworkMachinery.Collector.Tests.Integration.Reference;

/// <summary>
/// The fields of one sFlow sample that two independent decoders must agree on, in a form both can be reduced to.
/// Interface fields are the raw format bits and value; packet fields are null when the sample carries no such layer.
/// </summary>
public sealed record DecodedSample(
    string Agent,
    uint SubAgentId,
    uint DatagramSequence,
    uint UptimeMs,
    uint SampleType,
    uint SampleSequence,
    uint SourceIdType,
    uint SourceIdIndex,
    uint? SamplingRate,
    uint? SamplePool,
    uint? Drops,
    (uint Format, uint Value)? Input,
    (uint Format, uint Value)? Output,
    uint? FrameLength,
    string? SourceAddress,
    string? DestinationAddress,
    uint? Protocol,
    uint? SourcePort,
    uint? DestinationPort,
    uint? IcmpType,
    uint? IcmpCode);
