using System.Security.Cryptography;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// The credentials a control plane starts with: the admin's bearer token in the apiserver's static token file, and the
/// key pair that signs and verifies service-account tokens.
/// </summary>
internal static class AdminCredentials
{
    /// <summary>The admin's user name (and uid) in the token file and the kubeconfig.</summary>
    public const string User = "admin";

    // The token authenticator's CSV: token, user name, user uid, groups. system:masters may do anything under RBAC.
    private const string Group = "system:masters";
    private const int ServiceAccountKeyBits = 2048;
    private const int TokenBytes = 16;

    /// <summary>A new admin token: 128 random bits as 32 lowercase hex digits.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Writes a new key pair that signs (<see cref="ControlPlaneFiles.ServiceAccountKey"/>) and verifies service-account tokens.</summary>
    public static async Task WriteServiceAccountKeysAsync(ControlPlaneFiles files, CancellationToken cancellationToken)
    {
        using var key = RSA.Create(ServiceAccountKeyBits);
        await PrivateFile.WriteAllTextAsync(files.ServiceAccountKey, key.ExportRSAPrivateKeyPem(), cancellationToken);
        await File.WriteAllTextAsync(files.ServiceAccountPublicKey, key.ExportSubjectPublicKeyInfoPem(), cancellationToken);
    }

    /// <summary>Writes the token file that makes <paramref name="token"/> the admin's.</summary>
    public static Task WriteTokenFileAsync(ControlPlaneFiles files, string token, CancellationToken cancellationToken) =>
        PrivateFile.WriteAllTextAsync(files.TokenFile, $"{token},{User},{User},{Group}\n", cancellationToken);

    /// <summary>The admin token of the token file, or null when there is none.</summary>
    public static string? ReadToken(ControlPlaneFiles files) =>
        File.Exists(files.TokenFile) && File.ReadLines(files.TokenFile).FirstOrDefault() is { } line && line.Split(',')[0] is { Length: > 0 } token
            ? token
            : null;
}
