using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NetworkMachinery.Netm.Hosting;

/// <summary>Logging for the command line: one line per message on stderr, so stdout carries only data.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        // The embedded HTTP server's request and lifetime chatter is not what a collector's user watches for.
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = false;
        })
        .Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
