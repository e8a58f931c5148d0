using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// One destination of a connectivity test. By kind: pod (name, namespace: the pod's IP), ip (ip), service (name,
/// namespace: every ready endpoint and the ClusterIP), dns (host: every address it resolves to), node (name: the
/// node's internal IP).
/// </summary>
public sealed class ConnectivityDestination
{
    /// <summary>What the destination is: pod, ip, service, dns or node.</summary>
    [Required]
    [AllowedValues(DestinationKind.Pod, DestinationKind.Ip, DestinationKind.Service, DestinationKind.Dns, DestinationKind.Node)]
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>The name of the pod, service or node (kinds pod, service, node).</summary>
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.DnsSubdomain)]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The namespace of the pod or service; the object's own namespace when left out.</summary>
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>An IPv4 or IPv6 address (kind ip).</summary>
    [Size(Maximum = 45)]
    [JsonPropertyName("ip")]
    public string? Ip { get; set; }

    /// <summary>A DNS name, such as example.com or my-service.my-namespace.svc.cluster.local (kind dns).</summary>
    [Size(Maximum = 253)]
    [JsonPropertyName("host")]
    public string? Host { get; set; }

    /// <summary>
    /// The port to probe, required at layer 4 and refused at layer 3: a number from 1 to 65535, or for a pod or
    /// service the name of one of its ports.
    /// </summary>
    [JsonPropertyName("port")]
    public IntOrString? Port { get; set; }

    /// <summary>
    /// The protocol at layer 4: TCP (a connection), UDP (a datagram, refused on an ICMP port-unreachable), HTTP or HTTPS
    /// (a GET of path, reporting the status code and the time of each phase).
    /// </summary>
    [DefaultValue(TransportProtocol.Tcp)]
    [AllowedValues(TransportProtocol.Tcp, TransportProtocol.Udp, TransportProtocol.Http, TransportProtocol.Https)]
    [JsonPropertyName("protocol")]
    public string Protocol { get; set; } = TransportProtocol.Tcp;

    /// <summary>The path and query an HTTP or HTTPS probe requests, starting with a slash; / when left out.</summary>
    [Size(Maximum = 2048)]
    [RegularExpression(Patterns.HttpPath)]
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>
    /// For HTTPS: accept any server certificate instead of validating it against the source's trusted CAs, for servers
    /// with self-signed certificates. The TLS handshake is still timed and must still complete.
    /// </summary>
    [JsonPropertyName("insecureSkipTLSVerify")]
    public bool? InsecureSkipTLSVerify { get; set; }
}
