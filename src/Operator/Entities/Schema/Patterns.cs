namespace NetworkMachinery.Operator.Entities.Schema;

/// <summary>
/// Regular expressions shared by the models' <c>[RegularExpression]</c> attributes. Each is written in the subset
/// that .NET, Go's RE2 (the API server) and ECMAScript agree on, because all three evaluate them.
/// </summary>
public static class Patterns
{
    /// <summary>An HTTP request target: a path starting with a slash, optionally with a query, without whitespace.</summary>
    public const string HttpPath = "^/[^\\s]*$";

    /// <summary>An RFC 1123 DNS label: namespaces, container names, flow and channel names.</summary>
    public const string DnsLabel = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

    /// <summary>An RFC 1123 DNS subdomain: pod, service, node and secret names.</summary>
    public const string DnsSubdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>
    /// A Go-style duration without sign: decimal numbers, each with a unit of ns, us, ms, s, m or h, such as
    /// <c>1.5s</c>, <c>200ms</c>, <c>1m30s</c>; or a bare <c>0</c>.
    /// </summary>
    public const string Duration = "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|ms|s|m|h))+)$";

    /// <summary>A tc rate: a decimal number and a unit, such as <c>10mbit</c>, <c>512kbit</c> or <c>1.5gbps</c>.</summary>
    public const string Rate = "^[0-9]+(\\.[0-9]+)?(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)$";

    /// <summary>A Linux network interface name: 1 to 15 characters, no slash, colon or white space.</summary>
    public const string InterfaceName = "^[^/:\\s]{1,15}$";

    /// <summary>A metric name: a letter, then letters, digits, underscores or dots.</summary>
    public const string MetricName = "^[A-Za-z][A-Za-z0-9_.]*$";

    /// <summary>A key of a Secret's or ConfigMap's data: letters, digits, '-', '_' and '.'.</summary>
    public const string SecretKey = "^[-._a-zA-Z0-9]+$";

    /// <summary>What a value matching <paramref name="pattern"/> looks like, in words, for validation messages.</summary>
    /// <param name="pattern">One of the patterns of this class.</param>
    /// <returns>A phrase such as "a DNS label: ...".</returns>
    public static string Describe(string pattern) => pattern switch
    {
        DnsLabel => "a DNS label: up to 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
        DnsSubdomain => "a DNS subdomain: lower-case letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit",
        Duration => "a duration such as 1.5s, 200ms or 1m30s (units ns, us, ms, s, m, h)",
        Rate => "a rate such as 10mbit, 512kbit or 1.5gbps: a number and one of bit, kbit, mbit, gbit, tbit, bps, kbps, mbps, gbps, tbps",
        InterfaceName => "an interface name: 1 to 15 characters, without '/', ':' or spaces",
        MetricName => "a metric name: a letter, then letters, digits, '_' or '.'",
        SecretKey => "a Secret key: letters, digits, '-', '_' and '.'",
        HttpPath => "a request path starting with '/', such as /healthz or /api?full=1, without spaces",
        _ => "text matching " + pattern,
    };
}
