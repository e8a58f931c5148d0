using System.CommandLine.Parsing;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Hosting;

/// <summary>Parses the Go-duration values (<c>250ms</c>, <c>90m</c>, <c>24h</c>) of command-line options.</summary>
internal static class DurationParser
{
    /// <summary>
    /// The option's duration when it parses and is at least <paramref name="minimum"/>; otherwise records
    /// <paramref name="error"/> on the option (the command then fails with it) and returns zero.
    /// </summary>
    public static TimeSpan Parse(ArgumentResult result, TimeSpan minimum, string error)
    {
        if (GoDuration.TryParse(result.Tokens.SingleOrDefault()?.Value, out var duration) && duration >= minimum)
        {
            return duration;
        }

        result.AddError(error);
        return default;
    }
}
