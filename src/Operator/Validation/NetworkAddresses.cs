using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using k8s.Models;

namespace NetworkMachinery.Operator.Validation;

/// <summary>Checks for IP addresses, DNS names and ports as Kubernetes (and Go's net package) accept them.</summary>
internal static partial class NetworkAddresses
{
    /// <summary>
    /// Whether <paramref name="text"/> is an IPv6 address or an IPv4 address in four dotted decimals without leading
    /// zeros (.NET alone would also take "10.1" or octal-looking "010.0.0.1", which Go refuses).
    /// </summary>
    public static bool IsIpAddress(string text) =>
        IPAddress.TryParse(text, out var address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 ? !text.Contains('%', StringComparison.Ordinal) : DottedQuad().IsMatch(text));

    /// <summary>Whether <paramref name="text"/> is a DNS host name (RFC 1123), with an optional final dot.</summary>
    public static bool IsHostName(string text) => text.Length <= 254 && HostName().IsMatch(text);

    /// <summary>Checks a port: a number from 1 to 65535, or when <paramref name="nameAllowed"/> a port name (IANA service name).</summary>
    public static string? PortProblem(IntOrString port, bool nameAllowed)
    {
        var value = port.Value ?? "";
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            return int.TryParse(value, out var number) && number is >= 1 and <= 65535
                ? null
                : $"{value} is not a port; use a number from 1 to 65535";
        }

        if (!nameAllowed)
        {
            return $"\"{value}\" is not a port number; use a number from 1 to 65535 (only pod and service destinations can name a port)";
        }

        return PortName().IsMatch(value) && value.Any(char.IsAsciiLetter) && !value.Contains("--", StringComparison.Ordinal)
            ? null
            : $"\"{value}\" is neither a port number from 1 to 65535 nor a port name (up to 15 lower-case letters, digits and '-', with a letter, starting and ending with a letter or digit)";
    }

    [GeneratedRegex("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*\\.?$")]
    private static partial Regex HostName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$")]
    private static partial Regex PortName();
}
