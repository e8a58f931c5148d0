namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1005 (<c>extended_url</c>): the HTTP request line and host of the packet's flow.</summary>
public readonly ref struct ExtendedUrl : ISFlowRecord<ExtendedUrl>
{
    private ExtendedUrl(uint direction, ReadOnlySpan<byte> url, ReadOnlySpan<byte> host)
    {
        Direction = direction;
        Url = url;
        Host = host;
    }

    /// <summary>1 = the URL belongs to the source address, 2 = to the destination.</summary>
    public uint Direction { get; }

    /// <summary>The URL (the HTTP request-line), URL-encoded.</summary>
    public ReadOnlySpan<byte> Url { get; }

    /// <summary>The HTTP Host header.</summary>
    public ReadOnlySpan<byte> Host { get; }

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedUrl value)
    {
        value = default;
        if (!reader.TryReadUInt32(out var direction)
            || !reader.TryReadVariableOpaque(uint.MaxValue, out var url)
            || !reader.TryReadVariableOpaque(uint.MaxValue, out var host))
        {
            return false;
        }

        value = new ExtendedUrl(direction, url, host);
        return true;
    }
}
