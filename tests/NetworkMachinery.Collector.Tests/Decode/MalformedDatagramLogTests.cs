using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Decode;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Decode;

public class MalformedDatagramLogTests
{
    [Fact]
    public void Report_ManyWithinTheInterval_LogsOnceThenSaysHowManyWereNotLogged()
    {
        var logger = new ListLogger();
        var log = new MalformedDatagramLog(logger, TimeSpan.FromMilliseconds(200));
        var error = new SFlowError(SFlowErrorCode.CountOutOfRange, 24);

        for (var i = 0; i < 100; i++)
        {
            log.Report(error, IpAddressValue.FromIPv4(0xC0000201), 40000, 1300);
        }

        Assert.Single(logger.Messages);
        Assert.Contains("declared element count", logger.Messages[0], StringComparison.Ordinal);
        Assert.Contains("192.0.2.1:40000", logger.Messages[0], StringComparison.Ordinal);
        Assert.Contains("at byte 24 of 1300", logger.Messages[0], StringComparison.Ordinal);

        Thread.Sleep(300);
        log.Report(error, IpAddressValue.FromIPv4(0xC0000201), 40000, 1300);

        Assert.Equal(2, logger.Messages.Count);
        Assert.Contains("99 more malformed datagrams not logged", logger.Messages[1], StringComparison.Ordinal);
    }

    /// <summary>A logger that keeps what it is given (a test double for a unit test).</summary>
    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
