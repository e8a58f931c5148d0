using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

public class XdrUInt32ListTests
{
    [Fact]
    public void TryRead_CountedWords_IndexesAndEnumeratesInOrder()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32List(10, 20, 0xFFFF_FFFF).ToArray());

        Assert.True(XdrUInt32List.TryRead(ref reader, out var list));

        Assert.Equal(3, list.Count);
        Assert.Equal(20u, list[1]);
        var seen = new List<uint>();
        foreach (var word in list)
        {
            seen.Add(word);
        }

        Assert.Equal([10u, 20u, 0xFFFF_FFFFu], seen);
    }

    [Fact]
    public void Indexer_PastTheEnd_ThrowsArgumentOutOfRange()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32List(1).ToArray());
        XdrUInt32List.TryRead(ref reader, out var list);

        var thrown = false;
        try
        {
            _ = list[1];
        }
        catch (ArgumentOutOfRangeException)
        {
            thrown = true;
        }

        Assert.True(thrown);
    }

    [Fact]
    public void TryRead_CountLargerThanTheWordsThatFollow_FailsCountOutOfRange()
    {
        var reader = new XdrReader(new XdrWriter().WriteUInt32(3).WriteUInt32s(1, 2).ToArray(), origin: 12);

        Assert.False(XdrUInt32List.TryRead(ref reader, out _));

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, 12), reader.Error);
    }
}
