namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// The standalone manifest of the end-to-end tests: bytes per source and destination pair, raised above 100 kB/s
/// over 2 s and cleared after 2 s back under, delivered to webhook channels with inline URLs.
/// </summary>
internal static class TalkerMonitor
{
    public static string Yaml(params (string Name, string Url)[] channels) => $"""
        apiVersion: networkmachinery.io/v1alpha1
        kind: NetworkMonitor
        metadata:
          name: talkers
        spec:
          flows:
            - name: pairs
              keys: [srcAddr, dstAddr]
              value: bytes
              filter: proto == tcp or proto == udp
          thresholds:
            - name: heavy-talker
              flow: pairs
              value: 100000
              byFlow: true
              window: 2s
              hold: 2s
          channels:
        {string.Join("\n", channels.Select(channel => $"    - name: {channel.Name}\n      webhook:\n        url: {channel.Url}"))}
        """;
}
