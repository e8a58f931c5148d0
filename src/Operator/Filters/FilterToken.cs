namespace NetworkMachinery.Operator.Filters;

/// <summary>One token of a filter expression: a word (field name, keyword or value) or a symbol, and where it starts.</summary>
/// <param name="Text">The token's text; empty at the end of the expression.</param>
/// <param name="Position">Its offset in the expression (0-based).</param>
/// <param name="IsWord">True for words, false for symbols and the end.</param>
internal readonly record struct FilterToken(string Text, int Position, bool IsWord)
{
    /// <summary>Whether this is the word <paramref name="keyword"/>, in any case.</summary>
    public bool Is(string keyword) => IsWord && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => !IsWord && Text == symbol;

    /// <summary>The token as an error message quotes it.</summary>
    public string Describe() => Text.Length == 0 ? "the end of the filter" : $"\"{Text}\"";
}
