using System.Security.Cryptography;

namespace NetworkMachinery.Testing.Naming;

/// <summary>
/// Short random ids for the names of namespaces, interfaces and directories, so that test runs in parallel (other
/// projects, other checkouts) never collide. Every name starts with <see cref="Prefix"/>, which marks it as ours.
/// </summary>
public static class UniqueId
{
    /// <summary>The prefix of every network resource the helpers create.</summary>
    public const string Prefix = "nmt";

    /// <summary>Lowercase hex digits from a cryptographic source; 8 of them give 32 bits, plenty for a test run.</summary>
    public static string Next(int hexDigits = 8) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((hexDigits + 1) / 2))[..hexDigits];
}
