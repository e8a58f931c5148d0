using System.Security.Cryptography;
using System.Text;

namespace NetworkMachinery.Alerting.Notifications;

/// <summary>
/// The name of the NetworkNotification of an event: MONITOR-THRESHOLD-HASH, where HASH comes from the event id. The
/// same condition (raised, reported again, cleared) therefore always names the same object, which is what deduplicates
/// notifications while a condition lasts, and a create that races another finds it by name.
/// </summary>
public static class NotificationNames
{
    // A DNS subdomain may be 253 characters; the prefix is cut well before so that names stay readable in kubectl.
    private const int PrefixLength = 200;
    private const int HashLength = 10;

    /// <summary>The object name for the event <paramref name="eventId"/> of <paramref name="threshold"/> of <paramref name="monitor"/>.</summary>
    public static string For(string monitor, string threshold, string eventId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..HashLength];
        var prefix = $"{monitor}-{threshold}";
        if (prefix.Length > PrefixLength)
        {
            prefix = prefix[..PrefixLength].TrimEnd('-', '.');
        }

        return $"{prefix}-{hash}";
    }
}
