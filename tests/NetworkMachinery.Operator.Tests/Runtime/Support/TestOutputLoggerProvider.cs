using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// Writes log lines into a test's output, so that a failing integration test shows what the runtime did; the prefix
/// tells apart the instances of one test.
/// </summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output, string prefix = "") : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, prefix + categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]")}");
            }
            catch (InvalidOperationException)
            {
                // The test is over; its output is closed.
            }
        }
    }
}
