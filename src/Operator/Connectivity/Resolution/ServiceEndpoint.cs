namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>One ready address behind a service, with the ports it serves.</summary>
/// <param name="Address">The endpoint's IP address.</param>
/// <param name="Ports">Its ports: the port's name (empty for an unnamed one) to its number and protocol.</param>
public sealed record ServiceEndpoint(string Address, IReadOnlyDictionary<string, (int Port, string Protocol)> Ports);
