using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Filters;

/// <summary>Reads the values a filter compares fields with: numbers (and protocol and EtherType names), addresses, CIDR prefixes and MACs.</summary>
internal static class FilterValues
{
    private static readonly Dictionary<string, (FilterField Field, uint Value)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icmp"] = (FilterField.Proto, 1),
        ["tcp"] = (FilterField.Proto, 6),
        ["udp"] = (FilterField.Proto, 17),
        ["gre"] = (FilterField.Proto, 47),
        ["esp"] = (FilterField.Proto, 50),
        ["icmpv6"] = (FilterField.Proto, 58),
        ["sctp"] = (FilterField.Proto, 132),
        ["ipv4"] = (FilterField.Etype, 0x0800),
        ["arp"] = (FilterField.Etype, 0x0806),
        ["ipv6"] = (FilterField.Etype, 0x86dd),
    };

    /// <summary>Reads <paramref name="token"/> as a value of <paramref name="field"/>; a prefix only when <paramref name="prefixAllowed"/>.</summary>
    /// <exception cref="FilterSyntaxException">The token is not a value of the field.</exception>
    public static FilterPrefix Read(FilterField field, FilterToken token, bool prefixAllowed)
    {
        var name = FlowFieldCatalog.Name(field);
        if (!token.IsWord)
        {
            throw new FilterSyntaxException($"at {token.Position + 1}: expected a value for {name}, found {token.Describe()}");
        }

        return FlowFieldCatalog.Kind(field) switch
        {
            FieldKind.Address => ReadAddress(name, token, prefixAllowed),
            FieldKind.Mac => new FilterPrefix(ReadMac(name, token), 128),
            _ => new FilterPrefix(ReadNumber(field, name, token), 128),
        };
    }

    private static UInt128 ReadNumber(FilterField field, string name, FilterToken token)
    {
        var text = token.Text;
        ulong value;
        if (Names.TryGetValue(text, out var named))
        {
            if (named.Field != field)
            {
                throw new FilterSyntaxException($"at {token.Position + 1}: \"{text}\" names a value of {FlowFieldCatalog.Name(named.Field)}, not of {name}; compare {FlowFieldCatalog.Name(named.Field)} with it, or give {name} a number");
            }

            value = named.Value;
        }
        else if (!(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)))
        {
            throw new FilterSyntaxException($"at {token.Position + 1}: \"{text}\" is not a value of {name}; use a number (decimal, or hex as 0x800){(field == FilterField.Proto ? " or tcp, udp, icmp, icmpv6, sctp, gre, esp" : "")}{(field == FilterField.Etype ? " or ipv4, ipv6, arp" : "")}");
        }

        var max = FlowFieldCatalog.Max(field);
        if (value > max)
        {
            throw new FilterSyntaxException($"at {token.Position + 1}: {text} is too large for {name}; use a number from 0 to {(ulong)max}");
        }

        return value;
    }

    private static FilterPrefix ReadAddress(string name, FilterToken token, bool prefixAllowed)
    {
        var text = token.Text;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!NetworkAddresses.IsIpAddress(addressText) || !IPAddress.TryParse(addressText, out var address))
        {
            throw new FilterSyntaxException($"at {token.Position + 1}: \"{text}\" is not an address for {name}; write an IPv4 or IPv6 address such as 10.0.0.1 or fd00::1{(prefixAllowed ? ", or a prefix such as 10.0.0.0/8" : "")}");
        }

        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        var bits = v4 ? 32 : 128;
        var length = bits;
        if (slash >= 0)
        {
            if (!prefixAllowed)
            {
                throw new FilterSyntaxException($"at {token.Position + 1}: {text} is a prefix, which == and != do not take; write {name} in {text}");
            }

            if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits)
            {
                throw new FilterSyntaxException($"at {token.Position + 1}: \"{text}\" has no valid prefix length; use /0 to /{bits} after an IPv{(v4 ? 4 : 6)} address");
            }
        }

        var value = FlowFields.Address(address.GetAddressBytes());
        var total = v4 ? length + 96 : length;
        return new FilterPrefix(value & FilterPrefix.Mask(total), total);
    }

    private static ulong ReadMac(string name, FilterToken token)
    {
        var parts = token.Text.Split(':', '-');
        ulong value = 0;
        if (parts.Length != 6)
        {
            throw Bad();
        }

        foreach (var part in parts)
        {
            if (part.Length != 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                throw Bad();
            }

            value = (value << 8) | b;
        }

        return value;

        FilterSyntaxException Bad() => new($"at {token.Position + 1}: \"{token.Text}\" is not a MAC address for {name}; write six hex pairs such as 02:42:ac:11:00:02");
    }
}
