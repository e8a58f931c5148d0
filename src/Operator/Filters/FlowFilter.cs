using System.Diagnostics.CodeAnalysis;

namespace NetworkMachinery.Operator.Filters;

/// <summary>
/// A parsed filter expression over the flow key fields (docs/alerting.md, "Filters"). Comparisons
/// <c>FIELD == VALUE</c> (also <c>=</c>), <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> (numbers only),
/// <c>FIELD in VALUE</c> or <c>FIELD in (V1, V2, ...)</c> (a list; address values may be CIDR prefixes) and
/// <c>FIELD not in ...</c>, combined with <c>and</c> (<c>&amp;&amp;</c>, <c>&amp;</c>), <c>or</c> (<c>||</c>, <c>|</c>),
/// <c>not</c> (<c>!</c>) and parentheses; <c>and</c> binds tighter than <c>or</c>.
/// </summary>
internal sealed class FlowFilter
{
    private readonly FilterNode _root;

    private FlowFilter(FilterNode root, string canonical)
    {
        _root = root;
        Canonical = canonical;
        Guard = root.Guard();
    }

    /// <summary>The expression with its tokens separated by single spaces: two filters with the same canonical text are the same filter.</summary>
    public string Canonical { get; }

    /// <summary>A test every matching record passes, for indexing; null when the filter has none.</summary>
    public FilterGuard? Guard { get; }

    /// <summary>Whether <paramref name="record"/> passes the filter.</summary>
    public bool Matches(in FlowFields record) => _root.Matches(record);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="filter">The filter, when it parses.</param>
    /// <param name="error">Otherwise where it went wrong and how to fix it.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out FlowFilter? filter, [NotNullWhen(false)] out string? error)
    {
        try
        {
            var tokens = FilterLexer.Tokenize(text);
            var root = new FilterParser(tokens).ParseAll();
            filter = new FlowFilter(root, string.Join(' ', tokens.Select(token => token.Text)).TrimEnd());
            error = null;
            return true;
        }
        catch (FilterSyntaxException exception)
        {
            filter = null;
            error = exception.Message;
            return false;
        }
    }
}
