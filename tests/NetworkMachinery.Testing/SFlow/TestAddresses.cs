using System.Globalization;
using System.Net;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>Short ways to write the decoder's address values in tests.</summary>
public static class TestAddresses
{
    /// <summary>Parses an IPv4 or IPv6 address literal.</summary>
    public static IpAddressValue Ip(string text) => IpAddressValue.FromIPAddress(IPAddress.Parse(text));

    /// <summary>Parses a MAC address written as six hexadecimal octets separated by colons or dashes.</summary>
    public static MacAddress Mac(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var octets = text.Split(':', '-');
        if (octets.Length != 6)
        {
            throw new FormatException($"'{text}' is not a MAC address.");
        }

        ulong value = 0;
        foreach (var octet in octets)
        {
            value = (value << 8) | byte.Parse(octet, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return MacAddress.FromValue(value);
    }
}
