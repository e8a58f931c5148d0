namespace NetworkMachinery.SFlow;

/// <summary>Appends ASCII text to a byte span and remembers overflow instead of throwing.</summary>
internal ref struct AsciiWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Position { get; private set; }

    public bool Overflowed { get; private set; }

    public void WriteByte(byte value)
    {
        if ((uint)Position < (uint)_destination.Length)
        {
            _destination[Position++] = value;
        }
        else
        {
            Overflowed = true;
        }
    }

    public void WriteAscii(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            WriteByte(b);
        }
    }

    public void WriteDecimal(uint value)
    {
        Span<byte> digits = stackalloc byte[10];
        var count = 0;
        do
        {
            digits[count++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value != 0);

        while (count > 0)
        {
            WriteByte(digits[--count]);
        }
    }

    /// <summary>Lower-case hexadecimal without leading zeros.</summary>
    public void WriteHex(ushort value)
    {
        var started = false;
        for (var shift = 12; shift >= 0; shift -= 4)
        {
            var nibble = (value >> shift) & 0xF;
            if (nibble == 0 && !started && shift != 0)
            {
                continue;
            }

            started = true;
            WriteByte(HexDigit(nibble));
        }
    }

    /// <summary>Two lower-case hexadecimal digits.</summary>
    public void WriteHexByte(byte value)
    {
        WriteByte(HexDigit(value >> 4));
        WriteByte(HexDigit(value & 0xF));
    }

    public void WriteDottedQuad(uint value)
    {
        WriteDecimal(value >> 24);
        WriteByte((byte)'.');
        WriteDecimal((value >> 16) & 0xFF);
        WriteByte((byte)'.');
        WriteDecimal((value >> 8) & 0xFF);
        WriteByte((byte)'.');
        WriteDecimal(value & 0xFF);
    }

    private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
