namespace NetworkMachinery.Operator.Filters;

/// <summary>Splits a filter expression into words (letters, digits, '.', ':', '/', '-', '_') and symbols.</summary>
internal static class FilterLexer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "=", "<", ">", "!", "&", "|", "(", ")", "[", "]", ","];

    /// <summary>The tokens of <paramref name="text"/>, ending with an empty end token.</summary>
    /// <exception cref="FilterSyntaxException">A character that is neither part of a word nor a symbol.</exception>
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (IsWordChar(text[i]))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new FilterToken(text[start..i], start, IsWord: true));
                continue;
            }

            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                ?? throw new FilterSyntaxException($"at {i + 1}: '{text[i]}' is not part of the filter language; compare fields with ==, !=, <, >, <=, >= or in, and combine them with and, or, not and parentheses");
            tokens.Add(new FilterToken(symbol, i, IsWord: false));
            i += symbol.Length;
        }

        tokens.Add(new FilterToken("", text.Length, IsWord: false));
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '-' or '_';
}
