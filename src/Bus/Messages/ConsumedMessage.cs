namespace NetworkMachinery.Bus.Messages;

/// <summary>A message as a consumer receives it, with where it came from.</summary>
/// <param name="Topic">The topic it was produced to.</param>
/// <param name="Partition">The partition it was read from (always 0 on the in-process bus).</param>
/// <param name="Offset">Its position in the partition (a running count on the in-process bus).</param>
/// <param name="Key">The partitioning key: messages with one key are delivered in the order they were produced.</param>
/// <param name="Value">The payload.</param>
public sealed record ConsumedMessage(string Topic, int Partition, long Offset, byte[] Key, byte[] Value);
