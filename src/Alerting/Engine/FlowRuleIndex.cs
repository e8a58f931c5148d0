using System.Runtime.CompilerServices;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// The flow rules indexed by their filters' guards (<see cref="FilterGuard"/>): a record looks up its protocol, its
/// ports and its addresses' prefixes and reaches only the filters that can match it, plus those without a guard. Each
/// distinct filter is evaluated at most once per record, however many rules use it.
/// </summary>
internal sealed class FlowRuleIndex
{
    private readonly FilterSlot[] _always;
    private readonly FilterSlot[]?[]? _proto;
    private readonly FilterSlot[]?[]? _srcPort;
    private readonly FilterSlot[]?[]? _dstPort;
    private readonly (UInt128 Mask, Dictionary<UInt128, FilterSlot[]> Slots)[] _srcAddr;
    private readonly (UInt128 Mask, Dictionary<UInt128, FilterSlot[]> Slots)[] _dstAddr;

    public FlowRuleIndex(IEnumerable<FlowRule> rules)
    {
        var always = new List<FilterSlot>();
        var numbers = new Dictionary<FilterField, Dictionary<int, List<FilterSlot>>>();
        var addresses = new Dictionary<FilterField, Dictionary<int, Dictionary<UInt128, List<FilterSlot>>>>();
        foreach (var group in rules.GroupBy(rule => rule.Filter?.Canonical ?? "", StringComparer.Ordinal))
        {
            var filter = group.First().Filter;
            var guard = filter?.Guard;
            var slot = new FilterSlot(filter, [.. group]) { Whole = filter is null || guard is { Whole: true } };
            if (guard is null)
            {
                always.Add(slot);
                continue;
            }

            foreach (var prefix in guard.Prefixes)
            {
                if (FlowFieldCatalog.Kind(guard.Field) == FieldKind.Address)
                {
                    var byLength = Get(addresses, guard.Field);
                    Get(Get(byLength, prefix.Length), prefix.Value).Add(slot);
                }
                else
                {
                    Get(Get(numbers, guard.Field), (int)(ulong)prefix.Value).Add(slot);
                }
            }
        }

        _always = [.. always];
        _proto = Table(numbers, FilterField.Proto, 256);
        _srcPort = Table(numbers, FilterField.SrcPort, 65536);
        _dstPort = Table(numbers, FilterField.DstPort, 65536);
        _srcAddr = Prefixes(addresses, FilterField.SrcAddr);
        _dstAddr = Prefixes(addresses, FilterField.DstAddr);
    }

    /// <summary>Counts <paramref name="record"/> in every rule whose filter it passes.</summary>
    /// <param name="record">The record's fields.</param>
    /// <param name="stamp">The record's number: distinct for every record.</param>
    /// <param name="amounts">The record's bytes, packets and frames, by <see cref="FlowAmount"/>.</param>
    public void Dispatch(in FlowFields record, long stamp, ReadOnlySpan<double> amounts)
    {
        foreach (var slot in _always)
        {
            Visit(slot, record, stamp, amounts);
        }

        Visit(_proto, record.Proto, record, stamp, amounts);
        Visit(_srcPort, record.SrcPort, record, stamp, amounts);
        Visit(_dstPort, record.DstPort, record, stamp, amounts);
        Visit(_srcAddr, record.SrcAddr, record, stamp, amounts);
        Visit(_dstAddr, record.DstAddr, record, stamp, amounts);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Visit(FilterSlot[]?[]? table, uint value, in FlowFields record, long stamp, ReadOnlySpan<double> amounts)
    {
        if (table is not null && value < (uint)table.Length && table[value] is { } slots)
        {
            foreach (var slot in slots)
            {
                Visit(slot, record, stamp, amounts);
            }
        }
    }

    private static void Visit((UInt128 Mask, Dictionary<UInt128, FilterSlot[]> Slots)[] prefixes, UInt128 address, in FlowFields record, long stamp, ReadOnlySpan<double> amounts)
    {
        foreach (var (mask, byPrefix) in prefixes)
        {
            if (byPrefix.TryGetValue(address & mask, out var slots))
            {
                foreach (var slot in slots)
                {
                    Visit(slot, record, stamp, amounts);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Visit(FilterSlot slot, in FlowFields record, long stamp, ReadOnlySpan<double> amounts)
    {
        if (slot.Stamp == stamp)
        {
            return;
        }

        slot.Stamp = stamp;
        if (!slot.Whole && !slot.Filter!.Matches(record))
        {
            return;
        }

        foreach (var rule in slot.Rules)
        {
            rule.Add(record, stamp, amounts[(int)rule.Amount]);
        }
    }

    private static FilterSlot[]?[]? Table(Dictionary<FilterField, Dictionary<int, List<FilterSlot>>> numbers, FilterField field, int size)
    {
        if (!numbers.TryGetValue(field, out var byValue))
        {
            return null;
        }

        var table = new FilterSlot[]?[size];
        foreach (var (value, slots) in byValue)
        {
            table[value] = [.. slots];
        }

        return table;
    }

    private static (UInt128 Mask, Dictionary<UInt128, FilterSlot[]> Slots)[] Prefixes(Dictionary<FilterField, Dictionary<int, Dictionary<UInt128, List<FilterSlot>>>> addresses, FilterField field) =>
        addresses.TryGetValue(field, out var byLength)
            ? [.. byLength.Select(pair => (FilterPrefix.Mask(pair.Key), pair.Value.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray())))]
            : [];

    private static TValue Get<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }
}
