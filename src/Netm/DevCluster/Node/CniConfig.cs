namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The pods' CNI network: Debian's bridge plugin (a bridge with the pods' gateway, masquerading traffic that leaves the
/// pod network), host-local addresses from the pod CIDR with the store under the state directory, and portmap for
/// hostPorts.
/// </summary>
internal static class CniConfig
{
    /// <summary>The conflist.</summary>
    public static string Text(NodeFiles files) =>
        $$"""
        {
          "cniVersion": "0.4.0",
          "name": "{{NodeNetwork.CniNetwork}}",
          "plugins": [
            {
              "type": "bridge",
              "bridge": "{{NodeNetwork.Bridge}}",
              "isGateway": true,
              "ipMasq": true,
              "hairpinMode": true,
              "ipam": {
                "type": "host-local",
                "dataDir": "{{files.CniIpamData}}",
                "ranges": [[{ "subnet": "{{NodeNetwork.PodCidr}}" }]],
                "routes": [{ "dst": "0.0.0.0/0" }]
              }
            },
            {
              "type": "portmap",
              "capabilities": { "portMappings": true }
            }
          ]
        }

        """;
}
