using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>
/// The memory of the pipes between receive loops and decode workers: fixed-size blocks of native memory that are
/// reused. Native memory never moves and never counts towards the garbage collector's budgets, so filling a queue
/// does not trigger collections that would stop the receive and decode threads; the shared array pool, for its
/// part, keeps only a few blocks of a size per core, far fewer than a full queue holds.
/// </summary>
internal sealed unsafe class SegmentPool : MemoryPool<byte>
{
    private readonly ConcurrentStack<Block> _free = new();
    private readonly ConcurrentBag<Block> _all = [];

    /// <param name="blockSize">Size of each block; also the pipes' minimum segment size.</param>
    public SegmentPool(int blockSize) => BlockSize = blockSize;

    public int BlockSize { get; }

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(minBufferSize), minBufferSize, $"Frames are at most {BlockSize} bytes.");
        }

        if (_free.TryPop(out var block))
        {
            return block;
        }

        block = new Block(this, BlockSize);
        _all.Add(block);
        return block;
    }

    protected override void Dispose(bool disposing)
    {
        _free.Clear();
        foreach (var block in _all)
        {
            block.Free();
        }

        _all.Clear();
    }

    /// <summary>One block: a memory manager over native memory, handed out again when the pipe returns it.</summary>
    private sealed class Block(SegmentPool pool, int size) : MemoryManager<byte>
    {
        private byte* _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);

        public override Span<byte> GetSpan() => new(_pointer, size);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

        public override void Unpin()
        {
        }

        public void Free()
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
        }

        // The pipe disposes the owner when it is done with the segment: that returns the block to the pool.
        protected override void Dispose(bool disposing) => pool._free.Push(this);
    }
}
