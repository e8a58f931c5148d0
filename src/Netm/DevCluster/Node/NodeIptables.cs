using System.Text;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The iptables chains the node's components write: KUBE-* (kube-proxy and the kubelet) and CNI-* (the bridge plugin's
/// masquerading, portmap). Removed with the rules of other chains that jump to them, in IPv4 and IPv6.
/// </summary>
internal static class NodeIptables
{
    private static readonly string[] Prefixes = ["KUBE-", "CNI-"];
    private static readonly string[] Tables = ["filter", "nat", "mangle"];
    private static readonly string[] Programs = ["iptables", "ip6tables"];

    /// <summary>Deletes the chains and the jumps to them; returns how many chains.</summary>
    public static async Task<int> RemoveAsync()
    {
        var removed = 0;
        foreach (var program in Programs)
        {
            foreach (var table in Tables)
            {
                removed += await RemoveAsync(program, table);
            }
        }

        return removed;
    }

    private static async Task<int> RemoveAsync(string program, string table)
    {
        var listing = await HostCommand.TryRunAsync(program, ["-w", "-t", table, "-S"]);
        if (!listing.Succeeded)
        {
            // No such table in this family (or no ip6tables): nothing of ours is there.
            return 0;
        }

        var rules = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Split).ToList();
        var chains = rules.Where(rule => rule is ["-N", var chain] && IsOurs(chain)).Select(rule => rule[1]).ToList();
        foreach (var rule in rules.Where(rule => rule is ["-A", var chain, ..] && !IsOurs(chain) && Jumps(rule).Any(IsOurs)))
        {
            await HostCommand.RunAsync(program, ["-w", "-t", table, "-D", .. rule.Skip(1)]);
        }

        foreach (var chain in chains)
        {
            await HostCommand.RunAsync(program, ["-w", "-t", table, "-F", chain]);
        }

        foreach (var chain in chains)
        {
            await HostCommand.RunAsync(program, ["-w", "-t", table, "-X", chain]);
        }

        return chains.Count;
    }

    private static bool IsOurs(string chain) => Prefixes.Any(prefix => chain.StartsWith(prefix, StringComparison.Ordinal));

    private static IEnumerable<string> Jumps(List<string> rule) =>
        rule.Select((word, index) => (word, index)).Where(item => item.word is "-j" or "-g" && item.index + 1 < rule.Count).Select(item => rule[item.index + 1]);

    /// <summary>Splits a line of <c>iptables -S</c> into its words; double quotes group words (comments).</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && quoted && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
