namespace NetworkMachinery.Prober.Probes.Http;

/// <summary>The server answered with something that is not an HTTP/1.x response.</summary>
internal sealed class HttpProtocolException : Exception
{
    public HttpProtocolException()
    {
    }

    public HttpProtocolException(string message)
        : base(message)
    {
    }

    public HttpProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
