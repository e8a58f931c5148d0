using System.Net;
using NetworkMachinery.Netm.Hosting;

namespace NetworkMachinery.Collector.Tests.Cli;

public class EndpointParserTests
{
    [Theory]
    [InlineData("127.0.0.1:6343", "127.0.0.1", 6343)]
    [InlineData("0.0.0.0:1", "0.0.0.0", 1)]
    [InlineData("[::]:6343", "::", 6343)]
    [InlineData("[2001:db8::1]:9343", "2001:db8::1", 9343)]
    [InlineData(":6343", "::", 6343)]
    [InlineData("localhost:8080", "127.0.0.1", 8080)]
    public void TryParse_ValidEndpoints_ParseToAddressAndPort(string text, string address, int port)
    {
        Assert.True(EndpointParser.TryParse(text, out var endpoint, out var error), error);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endpoint);
    }

    [Theory]
    [InlineData("6343", "is not HOST:PORT")]
    [InlineData("127.0.0.1", "is not HOST:PORT")]
    [InlineData("127.0.0.1:70000", "is not HOST:PORT")]
    [InlineData("collector.example:6343", "is not an IP address")]
    [InlineData("[::1:6343", "is not an IP address")]
    public void TryParse_InvalidEndpoints_SayWhatIsWrong(string text, string message)
    {
        Assert.False(EndpointParser.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
