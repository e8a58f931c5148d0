using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NetworkMachinery.Netm.Hosting;

/// <summary>Logging for the command line: one line per message on stderr, so stdout carries only data.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder => Configure(builder, minimum));

    /// <summary>Sets up <paramref name="builder"/> (a command's own factory, or a hosted application's) the command line's way.</summary>
    public static void Configure(ILoggingBuilder builder, LogLevel minimum) => builder
        .SetMinimumLevel(minimum)
        // The embedded HTTP server's request and lifetime chatter is not what a user of the command watches for.
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = false;
        })
        .Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
