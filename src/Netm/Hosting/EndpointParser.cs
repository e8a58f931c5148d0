using System.Globalization;
using System.Net;

namespace NetworkMachinery.Netm.Hosting;

/// <summary>Parses the <c>HOST:PORT</c> values of command-line options.</summary>
internal static class EndpointParser
{
    /// <summary>
    /// Accepts <c>IPV4:PORT</c>, <c>[IPV6]:PORT</c>, <c>localhost:PORT</c> and <c>:PORT</c> (every address, IPv4 and IPv6).
    /// </summary>
    public static bool TryParse(string text, out IPEndPoint endpoint, out string error)
    {
        endpoint = null!;
        error = string.Empty;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !ushort.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            error = $"'{text}' is not HOST:PORT (examples: 0.0.0.0:6343, [::]:6343, 127.0.0.1:6343, :6343)";
            return false;
        }

        var host = text[..colon];
        if (host.Length == 0)
        {
            endpoint = new IPEndPoint(IPAddress.IPv6Any, port);
            return true;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            error = $"'{host}' in '{text}' is not an IP address";
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>Parses an option's value, reporting a bad value as a parse error of <paramref name="result"/>.</summary>
    public static IPEndPoint? Parse(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (TryParse(text, out var endpoint, out var error))
        {
            return endpoint;
        }

        result.AddError(error);
        return null;
    }
}
