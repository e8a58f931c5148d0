namespace NetworkMachinery.Netm.DevCluster;

/// <summary>Writes a kubeconfig for the admin user of a control plane, for kubectl and KubernetesClient.</summary>
internal static class Kubeconfig
{
    /// <summary>
    /// Writes <paramref name="path"/> (mode 0600: it holds the token) with one cluster, user and context named
    /// <paramref name="name"/>: <paramref name="server"/>, trusting the certificates in <paramref name="authorityBundle"/>,
    /// with <paramref name="token"/> as the admin's bearer token.
    /// </summary>
    public static async Task WriteAsync(string path, string name, Uri server, string authorityBundle, string token, CancellationToken cancellationToken)
    {
        var authority = Convert.ToBase64String(await File.ReadAllBytesAsync(authorityBundle, cancellationToken));
        await PrivateFile.WriteAllTextAsync(
            path,
            $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {name}
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
                certificate-authority-data: {authority}
            users:
            - name: {AdminCredentials.User}
              user:
                token: {token}
            contexts:
            - name: {name}
              context:
                cluster: {name}
                user: {AdminCredentials.User}
            current-context: {name}

            """,
            cancellationToken);
    }
}
