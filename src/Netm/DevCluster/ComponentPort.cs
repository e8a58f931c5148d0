namespace NetworkMachinery.Netm.DevCluster;

/// <summary>A port a component listens on, with the <c>netm devcluster up</c> option that chooses it (for the message when it is taken).</summary>
/// <param name="Port">The TCP port on 127.0.0.1.</param>
/// <param name="Option">The option that sets it, e.g. <c>--port</c>.</param>
internal sealed record ComponentPort(int Port, string Option);
