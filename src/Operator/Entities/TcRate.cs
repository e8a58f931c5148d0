using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// Parses the rates of <see cref="ShaperBandwidth.Rate"/> in tc's units: bit, kbit, mbit, gbit, tbit are bits per
/// second (powers of 1000); bps, kbps, mbps, gbps, tbps are bytes per second.
/// </summary>
public static class TcRate
{
    private static readonly (string Unit, double BitsPerSecond)[] Units =
    [
        // Longest first, so that "kbit" is not read as "k" + "bit".
        ("tbit", 1e12), ("gbit", 1e9), ("mbit", 1e6), ("kbit", 1e3),
        ("tbps", 8e12), ("gbps", 8e9), ("mbps", 8e6), ("kbps", 8e3),
        ("bit", 1), ("bps", 8),
    ];

    /// <summary>Parses <paramref name="text"/> into bits per second.</summary>
    /// <param name="text">A rate such as 10mbit.</param>
    /// <param name="bitsPerSecond">The rate, or zero when the text is not one.</param>
    /// <returns>Whether <paramref name="text"/> is a decimal number followed by a tc unit.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out double bitsPerSecond)
    {
        bitsPerSecond = 0;
        if (text is null)
        {
            return false;
        }

        foreach (var (unit, scale) in Units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && text.Length > unit.Length
                && char.IsAsciiDigit(text[0])
                && double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                bitsPerSecond = number * scale;
                return true;
            }
        }

        return false;
    }
}
