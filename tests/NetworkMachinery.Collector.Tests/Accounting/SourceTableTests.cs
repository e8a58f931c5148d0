using System.Runtime.CompilerServices;
using NetworkMachinery.Collector.Accounting;

namespace NetworkMachinery.Collector.Tests.Accounting;

public class SourceTableTests
{
    [Fact]
    public void GetOrAdd_ManySources_KeepsEachSourcesOwnTrackerAcrossTheScanAndTheDictionary()
    {
        var table = new SourceTable();
        for (ulong source = 0; source < 100; source++)
        {
            table.GetOrAdd(source, capacity: 1000).Observe((uint)(source * 10), out _);
        }

        Assert.Equal(100, table.Count);
        for (ulong source = 0; source < 100; source++)
        {
            Assert.Equal((uint)(source * 10), table.GetOrAdd(source, capacity: 1000).Last);
        }
    }

    [Fact]
    public void GetOrAdd_AtCapacity_ReturnsNullForNewSourcesButFindsKnownOnes()
    {
        var table = new SourceTable();
        for (ulong source = 0; source < 40; source++)
        {
            table.GetOrAdd(source, capacity: 40).Observe(1, out _);
        }

        Assert.True(Unsafe.IsNullRef(ref table.GetOrAdd(999, capacity: 40)));
        Assert.False(Unsafe.IsNullRef(ref table.GetOrAdd(39, capacity: 40)));
        Assert.Equal(40, table.Count);
    }

    [Fact]
    public void Clear_ForgetsEverySource()
    {
        var table = new SourceTable();
        table.GetOrAdd(1, 10).Observe(5, out _);
        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Null(table.GetOrAdd(1, 10).Last);
    }
}
