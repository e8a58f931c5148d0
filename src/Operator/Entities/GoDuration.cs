using System.Diagnostics.CodeAnalysis;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// Parses the durations the resources are written with, in Go's <c>time.ParseDuration</c> syntax so that they read
/// like every other Kubernetes duration: a sequence of decimal numbers, each with an optional fraction and a unit
/// (<c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), such as <c>1.5s</c>, <c>200ms</c> or <c>1m30s</c>; a bare
/// <c>0</c> is zero. Unlike Go, there is no sign (no resource takes a negative duration) and no <c>µs</c> spelling.
/// </summary>
/// <remarks>The result is truncated to <see cref="TimeSpan"/>'s 100 ns ticks.</remarks>
public static class GoDuration
{
    private const long NanosecondsPerTick = 100;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A Go-style duration.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a Go-style duration, or is longer than about 292 years.</exception>
    public static TimeSpan Parse(string text) => TryParse(text, out var value)
        ? value
        : throw new FormatException($"'{text}' is not a duration such as 1.5s, 200ms or 1m30s.");

    /// <summary>
    /// Writes <paramref name="value"/> the way Go's <c>Duration.String</c> does for whole units: hours, minutes, seconds
    /// and milliseconds, largest first (<c>1h30m</c>, <c>10s</c>, <c>1m500ms</c>); zero is <c>0</c>.
    /// </summary>
    /// <param name="value">A duration that is not negative; below a millisecond it is rounded down.</param>
    /// <returns>Text that <see cref="Parse"/> reads back as <paramref name="value"/> (to the millisecond).</returns>
    public static string Format(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        var text = new System.Text.StringBuilder();
        var hours = (long)value.TotalHours;
        Append(text, hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        return text.Length == 0 ? "0" : text.ToString();

        static void Append(System.Text.StringBuilder text, long amount, string unit)
        {
            if (amount > 0)
            {
                text.Append(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    /// <summary>Parses <paramref name="text"/>, returning false instead of throwing when it is not a duration.</summary>
    /// <param name="text">A Go-style duration.</param>
    /// <param name="value">The duration, or zero when the text is not one.</param>
    /// <returns>Whether <paramref name="text"/> is a Go-style duration that fits in 2^63 nanoseconds.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var span = text.AsSpan();
        long total = 0;
        while (!span.IsEmpty)
        {
            if (!TryReadTerm(ref span, out var nanoseconds) || long.MaxValue - total < nanoseconds)
            {
                return false;
            }

            total += nanoseconds;
        }

        value = TimeSpan.FromTicks(total / NanosecondsPerTick);
        return true;
    }

    // One "<number>[.<fraction>]<unit>" term, as nanoseconds.
    private static bool TryReadTerm(ref ReadOnlySpan<char> span, out long nanoseconds)
    {
        nanoseconds = 0;
        var digits = 0;
        long whole = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            if (whole > (long.MaxValue - 9) / 10)
            {
                return false;
            }

            whole = (whole * 10) + (span[digits] - '0');
            digits++;
        }

        var position = digits;
        long fraction = 0;
        long scale = 1;
        var fractionDigits = 0;
        if (position < span.Length && span[position] == '.')
        {
            position++;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                // Digits beyond nanosecond precision of the largest unit cannot change the result.
                if (scale < 1_000_000_000_000_000_000)
                {
                    fraction = (fraction * 10) + (span[position] - '0');
                    scale *= 10;
                }

                position++;
                fractionDigits++;
            }
        }

        if (digits == 0 && fractionDigits == 0)
        {
            return false;
        }

        var unitStart = position;
        while (position < span.Length && !char.IsAsciiDigit(span[position]) && span[position] != '.')
        {
            position++;
        }

        var unit = UnitNanoseconds(span[unitStart..position]);
        if (unit == 0 || whole > long.MaxValue / unit)
        {
            return false;
        }

        nanoseconds = whole * unit;
        var fractional = (long)(fraction * ((double)unit / scale));
        if (long.MaxValue - nanoseconds < fractional)
        {
            return false;
        }

        nanoseconds += fractional;
        span = span[position..];
        return true;
    }

    private static long UnitNanoseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1,
        "us" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => 0,
    };
}
