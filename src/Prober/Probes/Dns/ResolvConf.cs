using System.Globalization;
using System.Net;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// A resolv.conf as glibc's stub resolver reads it (resolv.conf(5)): up to three name servers, the search list,
/// and the options <c>ndots</c>, <c>timeout</c> and <c>attempts</c> with glibc's defaults and limits. Unknown
/// keywords and options, and addresses that do not parse, are ignored as glibc ignores them.
/// </summary>
public sealed record ResolvConf
{
    /// <summary>Where the host's (and, seen from inside its mount namespace, every pod's) resolv.conf lives.</summary>
    public const string DefaultPath = "/etc/resolv.conf";

    /// <summary>The DNS port; resolv.conf has no syntax for another.</summary>
    public const int DnsPort = 53;

    private const int MaxNameservers = 3;
    private const int MaxSearchDomains = 6;
    private const int MaxNdots = 15;
    private const int MaxTimeoutSeconds = 30;
    private const int MaxAttempts = 5;

    /// <summary>The servers, in the order they are tried; glibc's default when none is named is the local host.</summary>
    public IReadOnlyList<IPEndPoint> Nameservers { get; init; } = [new(IPAddress.Loopback, DnsPort)];

    /// <summary>Domains appended to names that are not absolute, in order (<c>search</c>, or <c>domain</c>).</summary>
    public IReadOnlyList<string> Search { get; init; } = [];

    /// <summary>Names with at least this many dots are tried as they are before the search list (default 1).</summary>
    public int Ndots { get; init; } = 1;

    /// <summary>How long to wait for one server's answer before trying the next (default 5 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many rounds over all the servers before giving up (default 2).</summary>
    public int Attempts { get; init; } = 2;

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static async Task<ResolvConf> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>Parses resolv.conf text.</summary>
    public static ResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nameservers = new List<IPEndPoint>();
        IReadOnlyList<string> search = [];
        var result = new ResolvConf();
        foreach (var rawLine in text.Split('\n'))
        {
            var words = rawLine.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0][0] is '#' or ';')
            {
                continue;
            }

            switch (words[0])
            {
                case "nameserver" when nameservers.Count < MaxNameservers && IPAddress.TryParse(words[1], out var address):
                    nameservers.Add(new IPEndPoint(address, DnsPort));
                    break;
                case "domain":
                    search = [words[1].TrimEnd('.')];
                    break;
                case "search":
                    search = words.Skip(1).TakeWhile(w => w[0] is not ('#' or ';')).Select(w => w.TrimEnd('.'))
                        .Where(w => w.Length > 0).Take(MaxSearchDomains).ToList();
                    break;
                case "options":
                    result = words.Skip(1).Aggregate(result, ApplyOption);
                    break;
            }
        }

        return result with
        {
            Nameservers = nameservers.Count > 0 ? nameservers : result.Nameservers,
            Search = search,
        };
    }

    private static ResolvConf ApplyOption(ResolvConf conf, string option)
    {
        var colon = option.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(option.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return conf;
        }

        return option[..colon] switch
        {
            "ndots" => conf with { Ndots = Math.Min(value, MaxNdots) },
            "timeout" => conf with { Timeout = TimeSpan.FromSeconds(Math.Clamp(value, 1, MaxTimeoutSeconds)) },
            "attempts" => conf with { Attempts = Math.Clamp(value, 1, MaxAttempts) },
            _ => conf,
        };
    }
}
